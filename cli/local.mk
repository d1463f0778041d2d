# cli/local.mk — the command-line tools regel and regelc.
bin_PROGRAMS += regel regelc
regel_SOURCES = cli/regel.c
regel_LDADD = libregel_core.la $(JANSSON_LIBS) $(FFI_LIBS)
regelc_SOURCES = cli/regelc.c
regelc_LDADD = libregel_core.la $(JANSSON_LIBS) $(FFI_LIBS)
