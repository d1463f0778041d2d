# cli/local.mk — the command-line tools regel and regelc.
CLI_LIBS = libregel_core.la $(JANSSON_LIBS) $(FFI_LIBS)
bin_PROGRAMS += regel
regel_SOURCES = cli/regel.c cli/common.h cli/common.c
regel_LDADD = $(CLI_LIBS)
bin_PROGRAMS += regelc
regelc_SOURCES = cli/regelc.c
regelc_LDADD = $(CLI_LIBS)
regel_SOURCES += cli/vraag.c
regel_CFLAGS = $(AM_CFLAGS) $(JANSSON_CFLAGS)
regel_SOURCES += cli/test.c cli/test.h
