# runtime/local.mk — the runtime: bytecode loader and verifier, VM, case
# reader, renderers. Builds without flex, bison or the compiler.
noinst_LTLIBRARIES += libregel_core.la
include_HEADERS += runtime/regel.h
libregel_core_la_CFLAGS = $(AM_CFLAGS) $(JANSSON_CFLAGS) $(YAJL_CFLAGS) $(FFI_CFLAGS)
libregel_core_la_LIBADD = $(JANSSON_LIBS) $(YAJL_LIBS) $(FFI_LIBS)
libregel_core_la_SOURCES = \
	runtime/regel.h \
	runtime/bytecode.h \
	runtime/opcodes.def \
	runtime/arena.h runtime/arena.c \
	runtime/num.h \
	runtime/suggest.h runtime/suggest.c \
	runtime/strbuf.h runtime/strbuf.c \
	runtime/value.h runtime/policy.h runtime/eval.h
# case reader and renderers (JSON in, text/JSON out)
libregel_core_la_SOURCES += \
	runtime/case.c runtime/json_locate.h runtime/json_locate.c \
	runtime/json_tree.h runtime/json_tree.c \
	runtime/render.h runtime/render.c \
	runtime/render_json.c runtime/render_text.c
# the motivering (issue 7): one builder from the trace, sentences, HTML
libregel_core_la_SOURCES += \
	runtime/explain.h runtime/explain.c \
	runtime/sentence.c \
	runtime/render_html.c
libregel_core_la_SOURCES += \
	runtime/rt.h \
	runtime/num.c \
	runtime/api.c \
	runtime/load.c \
	runtime/verify.c \
	runtime/decode.h runtime/decode.c \
	runtime/vm.c \
	runtime/disasm.c
# host functions through libffi (issue 8)
libregel_core_la_SOURCES += runtime/host.h runtime/host.c
# calendar and periods (CONTRACT §1)
libregel_core_la_SOURCES += \
	runtime/cal.h runtime/cal.c \
	runtime/period.h runtime/period.c
# the interview (spec v0.3 §4)
libregel_core_la_SOURCES += runtime/question.h runtime/question.c
# embedding (issue 8): cases built in code, typed results, the motivering snapshot
libregel_core_la_SOURCES += runtime/case_build.h runtime/api_date.h \
	runtime/api_case.c runtime/api_result.c runtime/api_explain.c
