# tests/check.mk — tests owned by the check area.
