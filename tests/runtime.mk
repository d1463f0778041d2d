# tests/runtime.mk — tests owned by the runtime area: exact numbers, the
# bytecode verifier, the VM and corrupted bytecode (a small .rbc builder in
# tests/unit/rbc_builder.c assembles programs in memory).
check_PROGRAMS += tests/unit/test_num
TESTS += tests/unit/test_num
tests_unit_test_num_SOURCES = tests/unit/test_num.c
tests_unit_test_num_CFLAGS = $(TEST_CFLAGS_ALL)
tests_unit_test_num_LDADD = $(TEST_LIBS)

check_PROGRAMS += tests/unit/test_verify
TESTS += tests/unit/test_verify
tests_unit_test_verify_SOURCES = tests/unit/test_verify.c tests/unit/rbc_builder.c \
	tests/unit/rbc_builder.h
tests_unit_test_verify_CFLAGS = $(TEST_CFLAGS_ALL)
tests_unit_test_verify_LDADD = $(TEST_LIBS)

check_PROGRAMS += tests/unit/test_vm
TESTS += tests/unit/test_vm
tests_unit_test_vm_SOURCES = tests/unit/test_vm.c tests/unit/rbc_builder.c \
	tests/unit/rbc_builder.h
tests_unit_test_vm_CFLAGS = $(TEST_CFLAGS_ALL)
tests_unit_test_vm_LDADD = $(TEST_LIBS)

check_PROGRAMS += tests/bytecode/test_corrupt
TESTS += tests/bytecode/test_corrupt
tests_bytecode_test_corrupt_SOURCES = tests/bytecode/test_corrupt.c tests/unit/rbc_builder.c \
	tests/unit/rbc_builder.h
tests_bytecode_test_corrupt_CFLAGS = $(TEST_CFLAGS_ALL)
tests_bytecode_test_corrupt_LDADD = $(TEST_LIBS)

# case reader (runtime/case.c) and renderers (runtime/render*.c)
check_PROGRAMS += tests/unit/test_case
TESTS += tests/unit/test_case
tests_unit_test_case_SOURCES = tests/unit/test_case.c
tests_unit_test_case_CFLAGS = $(TEST_CFLAGS_ALL)
tests_unit_test_case_LDADD = $(TEST_LIBS)

check_PROGRAMS += tests/unit/test_render
TESTS += tests/unit/test_render
tests_unit_test_render_SOURCES = tests/unit/test_render.c
tests_unit_test_render_CFLAGS = $(TEST_CFLAGS_ALL)
tests_unit_test_render_LDADD = $(TEST_LIBS)

check_PROGRAMS += tests/unit/test_cli
TESTS += tests/unit/test_cli
tests_unit_test_cli_SOURCES = tests/unit/test_cli.c
tests_unit_test_cli_CFLAGS = $(TEST_CFLAGS_ALL)
tests_unit_test_cli_LDADD = $(TEST_LIBS)

# host functions through libffi (issue 8): runtime/host.c and CALL_EXTERN
check_PROGRAMS += tests/unit/test_host
TESTS += tests/unit/test_host
tests_unit_test_host_SOURCES = tests/unit/test_host.c tests/unit/rbc_builder.c \
	tests/unit/rbc_builder.h
tests_unit_test_host_CFLAGS = $(TEST_CFLAGS_ALL)
tests_unit_test_host_LDADD = $(TEST_LIBS)
