# tests/batch.mk — regel --jsonl (issue 11): batch evaluation tests.
# tests/batch/run.sh: every kind of bad line (exact stdout, stderr, status),
# -j 1/4/8 byte-identical on 20 000 lines, flat memory over 200 000 lines
# from a pipe, answers before the input ends, usage errors, the progress line.
TESTS += tests/batch/run.sh
EXTRA_DIST += tests/batch/run.sh
