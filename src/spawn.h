/* Running the build's programs: configure, make, the fetch scripts, the
 * built interpreter. Arguments are passed as they are, never through a
 * shell. */
#ifndef CPYCONF_SPAWN_H
#define CPYCONF_SPAWN_H

#include "translate.h"

/* Called about once a second while the program runs, with the log path. */
typedef void (*progress_fn)(const char *log, void *data);

/* Runs argv[0] (searched in PATH) in `dir` (NULL: here) with the entries
 * of `env` added to the environment. Standard output and error go to
 * `log` (appended; NULL: inherited). Returns the exit status, or -1 when
 * the program could not be started or died from a signal. */
int run_program(char *const argv[], const char *dir, const struct strlist *env, const char *log,
		progress_fn progress, void *data);

/* Like run_program, and collects standard output (caller frees). */
int run_capture(char *const argv[], const struct strlist *env, const char *log, char **out);

#endif
