# examples/embed/local.mk — the embedding example (examples/embed/) ships in
# the tarball, and `make installcheck` (also run by `make distcheck`) builds it
# with its own Makefile against the INSTALLED library (pkg-config regel from
# $(libdir)/pkgconfig) and runs it, checking the decisions it prints.
EXTRA_DIST += examples/embed/main.c examples/embed/Makefile examples/embed/README.md \
	examples/embed/werkdagen.regel

installcheck-local: installcheck-embed

# The work directory is removed again (pass or fail), so distcleancheck
# finds nothing left behind.
installcheck-embed:
	@dir=examples/embed/_installcheck; rm -rf $$dir && $(MKDIR_P) $$dir && \
	( cd $$dir && \
	  PKG_CONFIG_PATH='$(libdir)/pkgconfig'$${PKG_CONFIG_PATH:+:$$PKG_CONFIG_PATH}; \
	  export PKG_CONFIG_PATH; \
	  pc='$(PKG_CONFIG)'; shared=yes; \
	  test -f '$(libdir)/libregel.so' || { pc="$$pc --static"; shared=no; }; \
	  echo "installcheck: $$pc: `$$pc --cflags --libs regel`" && \
	  $(MAKE) -f '$(abs_srcdir)/examples/embed/Makefile' srcdir='$(abs_srcdir)/examples/embed' \
	    CC='$(CC)' CFLAGS='$(CFLAGS) $(WARN_CFLAGS)' PKG_CONFIG="$$pc" embed && \
	  LD_LIBRARY_PATH='$(libdir)'$${LD_LIBRARY_PATH:+:$$LD_LIBRARY_PATH} ./embed \
	    '$(abs_srcdir)/stdlib-policies/inburgering.regel' \
	    '$(abs_srcdir)/examples/embed/werkdagen.regel' >embed.out 2>&1; \
	  rc=$$?; cat embed.out; \
	  test $$rc -eq 0 || { echo "installcheck: embed faalde (status $$rc)"; exit 1; }; \
	  for want in 'Inburgeringsplicht: ja' 'Inburgeringsattest: ja' 'Datum afronding: 30-08-2023' \
	      'Totale vergoeding: € 450,00' 'werkdagen_tussen(1 maart 2023, 24 maart 2023) = 17' \
	      'Werkdagen tot de aanmelding: 17; tijdig aangemeld: ja'; do \
	    grep -F "$$want" embed.out >/dev/null || \
	      { echo "installcheck: ontbreekt in de uitvoer: $$want"; exit 1; }; \
	  done; \
	  if test $$shared = yes && command -v ldd >/dev/null 2>&1; then \
	    LD_LIBRARY_PATH='$(libdir)' ldd ./embed | grep -F '$(libdir)/libregel.so' >/dev/null || \
	      { echo "installcheck: embed gebruikt niet $(libdir)/libregel.so"; ldd ./embed; exit 1; }; \
	  fi; \
	  echo "installcheck: examples/embed gebouwd en uitgevoerd tegen $(libdir): ok" ); \
	rc=$$?; rm -rf $$dir; exit $$rc

.PHONY: installcheck-embed
