# bench/local.mk — make bench (issue 11): the benchmarks side by side with
# hand-written C, Lua 5.4 and json-rules-engine; writes bench/results.md.
# The programs are EXTRA_PROGRAMS: `make` and `make check` do not build them.
BENCH_LIBS = libregel_core.la $(JANSSON_LIBS) $(YAJL_LIBS) $(FFI_LIBS)
BENCH_PROGS = bench/gen bench/ours bench/compare bench/handwritten bench/parse_only \
	bench/gen_policy bench/herhaal
EXTRA_PROGRAMS = $(BENCH_PROGS)
CLEANFILES += $(BENCH_PROGS) bench/json_readers

bench_gen_SOURCES = bench/gen.c
bench_ours_SOURCES = bench/ours.c bench/bench.h
bench_ours_LDADD = $(BENCH_LIBS)
bench_compare_SOURCES = bench/compare.c
bench_compare_CFLAGS = $(AM_CFLAGS) $(JANSSON_CFLAGS)
bench_compare_LDADD = $(JANSSON_LIBS)
bench_handwritten_SOURCES = bench/handwritten.c bench/handwritten.h bench/bench.h bench/cal.h
bench_handwritten_CFLAGS = $(AM_CFLAGS) $(JANSSON_CFLAGS)
bench_handwritten_LDADD = $(JANSSON_LIBS)
bench_parse_only_SOURCES = bench/parse_only.c bench/bench.h
bench_parse_only_CFLAGS = $(AM_CFLAGS) $(JANSSON_CFLAGS)
bench_parse_only_LDADD = $(BENCH_LIBS)
bench_gen_policy_SOURCES = bench/gen_policy.c bench/bench.h
bench_gen_policy_LDADD = $(BENCH_LIBS)
bench_herhaal_SOURCES = bench/herhaal.c bench/bench.h

# The other JSON readers Debian ships (yajl, json-c, cJSON): each one only
# when pkg-config finds it, so the bench also builds without them.
bench/json_readers$(EXEEXT): $(srcdir)/bench/json_readers.c $(srcdir)/bench/bench.h \
		$(srcdir)/bench/cal.h $(srcdir)/bench/handwritten.h
	$(AM_V_CC)defs=; libs=; \
	for m in yajl:HAVE_YAJL json-c:HAVE_JSONC libcjson:HAVE_CJSON; do \
	  if $(PKG_CONFIG) --exists $${m%%:*} 2>/dev/null; then \
	    defs="$$defs -D$${m##*:}"; libs="$$libs `$(PKG_CONFIG) --cflags --libs $${m%%:*}`"; \
	  fi; \
	done; \
	$(MKDIR_P) bench && \
	$(CC) $(AM_CFLAGS) $(CFLAGS) $(CPPFLAGS) $$defs $(AM_LDFLAGS) $(LDFLAGS) -o $@ \
	  $(srcdir)/bench/json_readers.c $$libs

EXTRA_DIST += bench/run.sh bench/README.md bench/json_readers.c \
	$(wildcard $(srcdir)/bench/lua/*.lua $(srcdir)/bench/lua/*.sh $(srcdir)/bench/lua/*.md \
		$(srcdir)/bench/js/*.js $(srcdir)/bench/js/*.json $(srcdir)/bench/js/*.md)

# make bench: everything in one invocation of bench/run.sh (medians of
# several runs). BENCH_CASES, BENCH_RUNS, BENCH_JS_CASES (json-rules-engine
# gets the first cases only) and BENCH_BATCH_RUNS can be overridden.
BENCH_CASES = 100000
BENCH_RUNS = 5
BENCH_JS_CASES = 10000
BENCH_BATCH_RUNS = 3
bench: regel$(EXEEXT) regelc$(EXEEXT) $(BENCH_PROGS) bench/json_readers$(EXEEXT)
	@srcdir='$(srcdir)' builddir='$(abs_builddir)' BENCH_CASES='$(BENCH_CASES)' \
	  BENCH_RUNS='$(BENCH_RUNS)' BENCH_JS_CASES='$(BENCH_JS_CASES)' \
	  BENCH_BATCH_RUNS='$(BENCH_BATCH_RUNS)' $(SHELL) $(srcdir)/bench/run.sh

.PHONY: bench

clean-local: clean-bench
clean-bench:
	rm -rf bench/werk bench/node
.PHONY: clean-bench
