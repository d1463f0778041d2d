# doc/local.mk — documentation and man pages.
EXTRA_DIST += $(wildcard $(srcdir)/doc/*.md)
dist_man_MANS += doc/regel.1 doc/regelc.1
