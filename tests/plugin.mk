# tests/plugin.mk — `regel --plugin` (issue 8): four test plugins built as
# libtool modules (a .so in tests/plugin/.libs), and tests/plugin/run.sh that
# runs regel, regel vraag and regel test with them, including every error.
PLUGIN_LDFLAGS = -module -shared -avoid-version -rpath /nowhere
check_LTLIBRARIES = tests/plugin/werkdagen.la tests/plugin/extra.la tests/plugin/kapot.la \
	tests/plugin/geeninit.la
tests_plugin_werkdagen_la_SOURCES = tests/plugin/werkdagen.c
tests_plugin_werkdagen_la_LDFLAGS = $(PLUGIN_LDFLAGS)
tests_plugin_werkdagen_la_LIBADD = -lm
tests_plugin_extra_la_SOURCES = tests/plugin/extra.c
tests_plugin_extra_la_LDFLAGS = $(PLUGIN_LDFLAGS)
tests_plugin_kapot_la_SOURCES = tests/plugin/kapot.c
tests_plugin_kapot_la_LDFLAGS = $(PLUGIN_LDFLAGS)
tests_plugin_geeninit_la_SOURCES = tests/plugin/geeninit.c
tests_plugin_geeninit_la_LDFLAGS = $(PLUGIN_LDFLAGS)

TESTS += tests/plugin/run.sh
EXTRA_DIST += tests/plugin/run.sh tests/plugin/werkdagen.regel tests/plugin/ontbreekt.regel \
	tests/plugin/verkeerd.regel tests/plugin/twee.regel $(wildcard $(srcdir)/tests/plugin/*.json) \
	$(wildcard $(srcdir)/tests/plugin/verwacht/*)
