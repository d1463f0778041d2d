# bench/local.mk — make bench (issue 11): the benchmarks side by side with
# hand-written C, Lua 5.4 and json-rules-engine; writes bench/results.md.
