# compiler/local.mk — the compiler: lexer, parser, checker, emitter. It is
# linked into libregel_core together with the runtime it emits for.
AM_YFLAGS = -d -Wall
AM_LFLAGS =
AM_YFLAGS += -Wno-yacc
libregel_core_la_SOURCES += \
	compiler/ast.h \
	compiler/diag.h \
	compiler/parse.h \
	compiler/check.h \
	compiler/emit.h
libregel_core_la_SOURCES += \
	compiler/lexer.l \
	compiler/parser.y \
	compiler/parse.c \
	compiler/srccheck.h \
	compiler/srccheck.c \
	compiler/diag.c
libregel_core_la_SOURCES += \
	compiler/check_internal.h \
	compiler/check.c \
	compiler/emit.c \
	compiler/compile.h \
	compiler/compile.c
# v0.4: scenarios for `regel test`
libregel_core_la_SOURCES += \
	compiler/scenario.h \
	compiler/scenario.c
BUILT_SOURCES += compiler/parser.h
# The scanner and the driver include the header bison writes.
compiler/libregel_core_la-lexer.lo compiler/libregel_core_la-parse.lo: compiler/parser.h
# issue 10: regel fmt
libregel_core_la_SOURCES += \
	compiler/fmt.h \
	compiler/fmt.c
