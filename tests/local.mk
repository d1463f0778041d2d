# tests/local.mk — make check: criterion unit tests, golden tests, error
# tests and corrupted-bytecode tests. Each area keeps its own fragment.
TEST_LIBS = libregel_core.la $(CRITERION_LIBS) $(JANSSON_LIBS) $(FFI_LIBS)
TEST_CFLAGS_ALL = $(AM_CFLAGS) $(CRITERION_CFLAGS) $(JANSSON_CFLAGS) \
	-DSRCDIR='"$(abs_top_srcdir)"' -DBUILDDIR='"$(abs_top_builddir)"'
AM_TESTS_ENVIRONMENT = top_srcdir='$(abs_top_srcdir)'; top_builddir='$(abs_top_builddir)'; \
	export top_srcdir top_builddir;

include $(srcdir)/tests/parse.mk
include $(srcdir)/tests/check.mk
include $(srcdir)/tests/runtime.mk
include $(srcdir)/tests/suite.mk
include $(srcdir)/tests/time.mk
include $(srcdir)/tests/question.mk
include $(srcdir)/tests/runner.mk
include $(srcdir)/tests/inburgering.mk
include $(srcdir)/tests/html.mk
include $(srcdir)/tests/api.mk
include $(srcdir)/tests/plugin.mk
include $(srcdir)/tests/threads.mk
include $(srcdir)/tests/fuzz.mk
include $(srcdir)/tests/editors.mk
include $(srcdir)/tests/fmt.mk
include $(srcdir)/tests/handboek.mk
include $(srcdir)/tests/batch.mk
include $(srcdir)/tests/noalloc.mk
include $(srcdir)/tests/decode.mk
include $(srcdir)/tests/compile.mk
include $(srcdir)/tests/jsontree.mk
