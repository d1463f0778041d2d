# cli/local.mk — the command-line tools regel and regelc.
CLI_LIBS = libregel_core.la $(JANSSON_LIBS) $(FFI_LIBS)
bin_PROGRAMS += regel
regel_SOURCES = cli/regel.c cli/common.h cli/common.c
regel_LDADD = $(CLI_LIBS) $(DL_LIBS)
# Plugins (--plugin) call regel_functions_add and friends: the regel_* API of
# the program must be visible to the libraries it dlopens.
regel_LDFLAGS = -export-dynamic
bin_PROGRAMS += regelc
regelc_SOURCES = cli/regelc.c
regelc_LDADD = $(CLI_LIBS)
regel_SOURCES += cli/vraag.c
regel_CFLAGS = $(AM_CFLAGS) $(JANSSON_CFLAGS)
regel_SOURCES += cli/test.c cli/test.h
regel_SOURCES += cli/fmt.c
# regel --jsonl (issue 11): JSON Lines in batch, on -j N threads.
regel_SOURCES += cli/batch.c cli/batch.h
regel_CFLAGS += -pthread
regel_LDFLAGS += -pthread
