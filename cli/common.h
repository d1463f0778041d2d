/* common.h — what the command-line tools share: the error line format on
 * stderr, Dutch reasons for file errors, reading a whole file or stream,
 * loading a policy and the plugins (--plugin) that bind its extern
 * functions. No policy logic here; the library does that. */
#ifndef REGEL_CLI_COMMON_H
#define REGEL_CLI_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "regel.h"

/* `<prog>: <file>:<line>:<col>: fout: <message>` on stderr; unknown parts
 * are left out, fallback_file is used when err names no file. */
void cli_report(const char *prog, const regel_error *err, const char *fallback_file);

/* A Dutch reason for an errno value from opening or reading a file. */
const char *cli_errno_text(int e);

/* The most read from one file or stream (a case, a scenario file, stdin). */
#define CLI_MAX_INPUT_BYTES ((size_t)256 << 20)

/* All of f (NUL-terminated); NULL with errno set on failure (EFBIG when it
 * is longer than CLI_MAX_INPUT_BYTES). */
char *cli_read_stream(FILE *f, size_t *len);
/* All of the file at path; NULL with errno set on failure. */
char *cli_read_file(const char *path, size_t *len);

/* Plugins (`--plugin LIB.so`, issue 8): shared libraries that export
 * regel_plugin_init (REGEL_PLUGIN_INIT); all of them add their host functions
 * to one regel_functions table. */
typedef struct cli_plugins cli_plugins;

/* dlopen (RTLD_NOW | RTLD_LOCAL) each of paths[0..n) in order (a path
 * without '/' is taken from the current directory) and call its
 * regel_plugin_init. *out receives the set (NULL when n == 0); free it with
 * cli_plugins_free after every policy bound to it. False after a `<prog>:
 * LIB: fout: …` line on stderr: a missing or unloadable file, no
 * regel_plugin_init, an init failure (its message), out of memory. */
bool cli_plugins_load(const char *prog, const char *const *paths, size_t n, cli_plugins **out);
/* dlclose the libraries and free the table; NULL ok. */
void cli_plugins_free(cli_plugins *pl);
/* Bind the extern functions of policy to the plugins' table (regel_policy_bind).
 * A policy without extern functions needs none. False after a message on
 * stderr: the policy uses an extern function and no --plugin was given, or
 * binding failed (a missing function, a signature mismatch). */
bool cli_plugins_bind(const char *prog, const cli_plugins *pl, regel_policy *policy,
                      const char *policy_path);
/* As cli_plugins_bind, without printing: REGEL_OK or the error in *err. */
int cli_plugins_try_bind(const cli_plugins *pl, regel_policy *policy, regel_error *err);

/* Load POLICY (source or bytecode) for a CLI and bind its extern functions
 * to plugins (NULL: none given): compiler diagnostics go to stderr as they
 * are, any other error as a `<prog>: … fout:` line. NULL on failure
 * (everything already reported). */
regel_policy *cli_load_policy(const char *prog, const char *path, const cli_plugins *plugins);

#endif
