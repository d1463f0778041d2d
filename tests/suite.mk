# tests/suite.mk — tests owned by the suite area.
