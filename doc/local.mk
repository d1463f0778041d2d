# doc/local.mk — documentation and man pages.
EXTRA_DIST += doc
dist_man_MANS += doc/regel.1 doc/regelc.1
