# tests/runtime.mk — tests owned by the runtime area.
