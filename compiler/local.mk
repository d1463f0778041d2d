# compiler/local.mk — the compiler: lexer, parser, checker, emitter. It is
# linked into libregel_core together with the runtime it emits for.
AM_YFLAGS = -d -Wall
AM_LFLAGS =
libregel_core_la_SOURCES += \
	compiler/ast.h \
	compiler/diag.h compiler/diag.c \
	compiler/parse.h compiler/parser.y compiler/lexer.l \
	compiler/check.h \
	compiler/emit.h
