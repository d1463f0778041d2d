# tests/handboek.mk — doc/handboek.md (issue 10): every example in the
# handbook is extracted, compiled and its shown output compared.
# The markup is described at the top of tests/doc/handboek.sh;
# `make handboek-bijwerken` rewrites the shown outputs from the real ones.
TESTS += tests/doc/handboek.sh
EXTRA_DIST += tests/doc/handboek.sh

handboek-bijwerken: regel$(EXEEXT) regelc$(EXEEXT)
	REGEL_HANDBOEK_UPDATE=1 top_srcdir='$(abs_top_srcdir)' top_builddir='$(abs_top_builddir)' \
		sh $(srcdir)/tests/doc/handboek.sh

.PHONY: handboek-bijwerken
