# tests/noalloc.mk — issue 11: the VM does not allocate per case.
