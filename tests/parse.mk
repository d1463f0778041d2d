# tests/parse.mk — tests owned by the parse area.
