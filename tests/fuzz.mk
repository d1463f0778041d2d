# tests/fuzz.mk — libFuzzer harnesses (issue 9). Built only with
# ./configure --enable-fuzzing (clang); run with `make fuzz` (FUZZ_SECONDS each).
FUZZ_HARNESSES = fuzz_source fuzz_bytecode fuzz_case fuzz_operands fuzz_roundtrip fuzz_fmt \
	fuzz_json_tree
FUZZ_SECONDS = 900
EXTRA_DIST += tests/fuzz/dict.sh tests/fuzz/fuzz_common.h tests/fuzz/fuzz_source.c \
	tests/fuzz/fuzz_bytecode.c tests/fuzz/fuzz_case.c tests/fuzz/fuzz_operands.c \
	tests/fuzz/fuzz_roundtrip.c tests/fuzz/fuzz_fmt.c tests/fuzz/fuzz_json_tree.c

# Every build replays the harnesses without libFuzzer (tests/fuzz/replay.c)
# over the seeds and the regression inputs in tests/fuzz/regressie/.
REPLAY_CFLAGS = $(TEST_CFLAGS_ALL) -DSRCDIR='"$(abs_top_srcdir)"'
REPLAY_LIBS = libregel_core.la $(JANSSON_LIBS) $(YAJL_LIBS) $(FFI_LIBS)
check_PROGRAMS += tests/fuzz/replay_source tests/fuzz/replay_bytecode tests/fuzz/replay_case \
	tests/fuzz/replay_operands tests/fuzz/replay_roundtrip tests/fuzz/replay_fmt \
	tests/fuzz/replay_json_tree
TESTS += tests/fuzz/replay.sh
tests_fuzz_replay_source_SOURCES = tests/fuzz/replay.c tests/fuzz/fuzz_source.c tests/fuzz/fuzz_common.h
tests_fuzz_replay_source_CFLAGS = $(REPLAY_CFLAGS)
tests_fuzz_replay_source_LDADD = $(REPLAY_LIBS)
tests_fuzz_replay_bytecode_SOURCES = tests/fuzz/replay.c tests/fuzz/fuzz_bytecode.c tests/fuzz/fuzz_common.h
tests_fuzz_replay_bytecode_CFLAGS = $(REPLAY_CFLAGS)
tests_fuzz_replay_bytecode_LDADD = $(REPLAY_LIBS)
tests_fuzz_replay_case_SOURCES = tests/fuzz/replay.c tests/fuzz/fuzz_case.c tests/fuzz/fuzz_common.h
tests_fuzz_replay_case_CFLAGS = $(REPLAY_CFLAGS)
tests_fuzz_replay_case_LDADD = $(REPLAY_LIBS)
tests_fuzz_replay_operands_SOURCES = tests/fuzz/replay.c tests/fuzz/fuzz_operands.c tests/fuzz/fuzz_common.h
tests_fuzz_replay_operands_CFLAGS = $(REPLAY_CFLAGS)
tests_fuzz_replay_operands_LDADD = $(REPLAY_LIBS)
tests_fuzz_replay_roundtrip_SOURCES = tests/fuzz/replay.c tests/fuzz/fuzz_roundtrip.c
tests_fuzz_replay_roundtrip_CFLAGS = $(REPLAY_CFLAGS)
tests_fuzz_replay_roundtrip_LDADD = $(REPLAY_LIBS)
tests_fuzz_replay_fmt_SOURCES = tests/fuzz/replay.c tests/fuzz/fuzz_fmt.c
tests_fuzz_replay_fmt_CFLAGS = $(REPLAY_CFLAGS)
tests_fuzz_replay_fmt_LDADD = $(REPLAY_LIBS)
tests_fuzz_replay_json_tree_SOURCES = tests/fuzz/replay.c tests/fuzz/fuzz_json_tree.c
tests_fuzz_replay_json_tree_CFLAGS = $(REPLAY_CFLAGS)
tests_fuzz_replay_json_tree_LDADD = $(REPLAY_LIBS)
EXTRA_DIST += tests/fuzz/replay.sh $(wildcard $(srcdir)/tests/fuzz/regressie/*/*)

if ENABLE_FUZZING
# Built by `make check` and `make fuzz`, but never run as tests.
check_PROGRAMS += tests/fuzz/fuzz_source tests/fuzz/fuzz_bytecode tests/fuzz/fuzz_case \
	tests/fuzz/fuzz_operands tests/fuzz/fuzz_roundtrip tests/fuzz/fuzz_fmt tests/fuzz/fuzz_json_tree
FUZZ_CFLAGS = $(AM_CFLAGS) -DSRCDIR='"$(abs_top_srcdir)"'
FUZZ_LINKFLAGS = $(AM_LDFLAGS) -fsanitize=fuzzer
FUZZ_LIBS = libregel_core.la $(JANSSON_LIBS) $(YAJL_LIBS) $(FFI_LIBS)
tests_fuzz_fuzz_source_SOURCES = tests/fuzz/fuzz_source.c tests/fuzz/fuzz_common.h
tests_fuzz_fuzz_source_CFLAGS = $(FUZZ_CFLAGS)
tests_fuzz_fuzz_source_LDFLAGS = $(FUZZ_LINKFLAGS)
tests_fuzz_fuzz_source_LDADD = $(FUZZ_LIBS)
tests_fuzz_fuzz_bytecode_SOURCES = tests/fuzz/fuzz_bytecode.c tests/fuzz/fuzz_common.h
tests_fuzz_fuzz_bytecode_CFLAGS = $(FUZZ_CFLAGS)
tests_fuzz_fuzz_bytecode_LDFLAGS = $(FUZZ_LINKFLAGS)
tests_fuzz_fuzz_bytecode_LDADD = $(FUZZ_LIBS)
tests_fuzz_fuzz_case_SOURCES = tests/fuzz/fuzz_case.c tests/fuzz/fuzz_common.h
tests_fuzz_fuzz_case_CFLAGS = $(FUZZ_CFLAGS)
tests_fuzz_fuzz_case_LDFLAGS = $(FUZZ_LINKFLAGS)
tests_fuzz_fuzz_case_LDADD = $(FUZZ_LIBS)
tests_fuzz_fuzz_operands_SOURCES = tests/fuzz/fuzz_operands.c tests/fuzz/fuzz_common.h
tests_fuzz_fuzz_operands_CFLAGS = $(FUZZ_CFLAGS)
tests_fuzz_fuzz_operands_LDFLAGS = $(FUZZ_LINKFLAGS)
tests_fuzz_fuzz_operands_LDADD = $(FUZZ_LIBS)
tests_fuzz_fuzz_roundtrip_SOURCES = tests/fuzz/fuzz_roundtrip.c
tests_fuzz_fuzz_roundtrip_CFLAGS = $(FUZZ_CFLAGS)
tests_fuzz_fuzz_roundtrip_LDFLAGS = $(FUZZ_LINKFLAGS)
tests_fuzz_fuzz_roundtrip_LDADD = $(FUZZ_LIBS)
tests_fuzz_fuzz_fmt_SOURCES = tests/fuzz/fuzz_fmt.c
tests_fuzz_fuzz_fmt_CFLAGS = $(FUZZ_CFLAGS)
tests_fuzz_fuzz_fmt_LDFLAGS = $(FUZZ_LINKFLAGS)
tests_fuzz_fuzz_fmt_LDADD = $(FUZZ_LIBS)
tests_fuzz_fuzz_json_tree_SOURCES = tests/fuzz/fuzz_json_tree.c
tests_fuzz_fuzz_json_tree_CFLAGS = $(FUZZ_CFLAGS)
tests_fuzz_fuzz_json_tree_LDFLAGS = $(FUZZ_LINKFLAGS)
tests_fuzz_fuzz_json_tree_LDADD = $(FUZZ_LIBS)

FUZZ_WORK = $(abs_top_builddir)/tests/fuzz/work
FUZZ_SOURCES_SEED = $(wildcard $(srcdir)/stdlib-policies/*.regel $(srcdir)/examples/*.regel \
	$(srcdir)/tests/golden/beleid/*.regel)

# The dictionary is generated from the keyword table of the lexer.
tests/fuzz/regel.dict: $(srcdir)/tests/fuzz/dict.sh $(srcdir)/compiler/lexer.l
	$(AM_V_GEN)$(MKDIR_P) tests/fuzz && \
	$(SHELL) $(srcdir)/tests/fuzz/dict.sh $(srcdir)/compiler/lexer.l > $@.tmp && mv $@.tmp $@
CLEANFILES += tests/fuzz/regel.dict

# Seed corpora, made from the repository's own files (nothing binary is
# committed): sources, their bytecode, and the example cases.
fuzz-seeds: regelc$(EXEEXT) tests/fuzz/regel.dict
	@rm -rf '$(FUZZ_WORK)'/seeds && \
	$(MKDIR_P) '$(FUZZ_WORK)'/seeds/source '$(FUZZ_WORK)'/seeds/bytecode '$(FUZZ_WORK)'/seeds/case && \
	for f in $(FUZZ_SOURCES_SEED); do \
	  b=`basename "$$f" .regel`; d=`basename \`dirname "$$f"\``; \
	  cp "$$f" '$(FUZZ_WORK)'/seeds/source/"$$d-$$b.regel"; \
	  ASAN_OPTIONS=detect_leaks=0 ./regelc$(EXEEXT) "$$f" -o '$(FUZZ_WORK)'/seeds/bytecode/"$$d-$$b.rbc" \
	    >/dev/null 2>&1 || rm -f '$(FUZZ_WORK)'/seeds/bytecode/"$$d-$$b.rbc"; \
	done && \
	cp $(srcdir)/stdlib-policies/gevallen/*.json '$(FUZZ_WORK)'/seeds/case/ && \
	echo "zaadcorpora: `ls '$(FUZZ_WORK)'/seeds/source | wc -l` bronnen," \
	  "`ls '$(FUZZ_WORK)'/seeds/bytecode | wc -l` bytecodes, `ls '$(FUZZ_WORK)'/seeds/case | wc -l` gevallen"

# One target per harness, so `make -j2 fuzz` runs two at a time. A corpus
# grows from run to run (`make clean-fuzz` starts afresh). Source
# inputs are capped at FUZZ_SOURCE_MAX_LEN bytes (the seeds are cut there):
# whole policies of 60 KB make a run about 20 times slower.
# fuzz_operands builds its own input structure: it starts from an empty corpus.
FUZZ_SOURCE_MAX_LEN = 8192
# The summary: per harness the executions, the coverage (edges) and the
# corpus (inputs) at the end, and the number of findings (crashes, leaks,
# timeouts, out-of-memory) in crashes/.
fuzz: $(FUZZ_HARNESSES:%=fuzz-run-%)
	@cd '$(FUZZ_WORK)' && \
	printf '%-16s %13s %8s %7s %9s\n' harnas uitvoeringen dekking corpus vondsten && \
	for h in $(FUZZ_HARNESSES); do \
	  execs=`sed -n 's/^stat::number_of_executed_units: *//p' $$h.log`; \
	  done_line=`grep -E '^#[0-9]+[[:space:]]+DONE' $$h.log`; \
	  cov=`echo "$$done_line" | sed 's/.*cov: \([0-9]*\).*/\1/'`; \
	  corp=`echo "$$done_line" | sed 's/.*corp: \([0-9]*\).*/\1/'`; \
	  printf '%-16s %13s %8s %7s %9s\n' $$h "$$execs" "$$cov" "$$corp" "`ls crashes/$$h | wc -l`"; \
	done
$(FUZZ_HARNESSES:%=fuzz-run-%): fuzz-run-%: tests/fuzz/%$(EXEEXT) tests/fuzz/work/seeds.stamp
	@h=$*; case $$h in \
	  fuzz_source|fuzz_roundtrip|fuzz_fmt) seed=source; opt=-max_len=$(FUZZ_SOURCE_MAX_LEN);; \
	  fuzz_bytecode) seed=bytecode; opt=;; fuzz_case|fuzz_json_tree) seed=case; opt=;; \
	  *) seed=; opt=;; esac; \
	corpus='$(FUZZ_WORK)'/corpus/$$h; $(MKDIR_P) "$$corpus" '$(FUZZ_WORK)'/crashes/$$h; \
	if test -n "$$seed"; then cp '$(FUZZ_WORK)'/seeds/$$seed/* "$$corpus"/; fi; \
	echo "== $$h: $(FUZZ_SECONDS) s (corpus $$corpus)"; \
	tests/fuzz/$$h$(EXEEXT) -max_total_time=$(FUZZ_SECONDS) -detect_leaks=1 $$opt \
	  -dict=tests/fuzz/regel.dict -artifact_prefix='$(FUZZ_WORK)'/crashes/$$h/ \
	  -print_final_stats=1 "$$corpus" > '$(FUZZ_WORK)'/$$h.log 2>&1; rc=$$?; \
	grep -E '^#[0-9]+[[:space:]]+(INITED|DONE)|stat::number_of_executed_units|stat::peak_rss|ERROR|SUMMARY' \
	  '$(FUZZ_WORK)'/$$h.log | sed "s/^/$$h: /" | tail -n 8; \
	if test $$rc -ne 0; then echo "$$h: FOUT (zie $(FUZZ_WORK)/$$h.log)"; exit 1; fi
tests/fuzz/work/seeds.stamp: regelc$(EXEEXT) tests/fuzz/regel.dict
	@$(MAKE) $(AM_MAKEFLAGS) --no-print-directory fuzz-seeds && touch $@
else
fuzz:
	@echo "make fuzz: de fuzz-harnassen zijn niet gebouwd. Configureer opnieuw met clang:" >&2; \
	echo "  CC=clang ./configure --enable-fuzzing && make fuzz" >&2; exit 1
endif
clean-local: clean-fuzz
clean-fuzz:
	-rm -rf tests/fuzz/work
.PHONY: fuzz fuzz-seeds clean-fuzz $(FUZZ_HARNESSES:%=fuzz-run-%)
