/* common.h — what the command-line tools share: the error line format on
 * stderr, Dutch reasons for file errors, reading a whole file or stream.
 * No policy logic here; the library does that. */
#ifndef REGEL_CLI_COMMON_H
#define REGEL_CLI_COMMON_H

#include <stddef.h>
#include <stdio.h>

#include "regel.h"

/* `<prog>: <file>:<line>:<col>: fout: <message>` on stderr; unknown parts
 * are left out, fallback_file is used when err names no file. */
void cli_report(const char *prog, const regel_error *err, const char *fallback_file);

/* A Dutch reason for an errno value from opening or reading a file. */
const char *cli_errno_text(int e);

/* All of f (NUL-terminated); NULL with errno set on failure. */
char *cli_read_stream(FILE *f, size_t *len);
/* All of the file at path; NULL with errno set on failure. */
char *cli_read_file(const char *path, size_t *len);

/* Load POLICY (source or bytecode) for a CLI: compiler diagnostics go to
 * stderr as they are, any other error as a `<prog>: … fout:` line. NULL on
 * failure (everything already reported). */
regel_policy *cli_load_policy(const char *prog, const char *path);

#endif
