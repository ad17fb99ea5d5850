/* Running the build's programs: configure, make, the fetch scripts, the
 * built interpreter. Arguments are passed as they are, never through a
 * shell. Each program runs in its own process group with standard input
 * from /dev/null; SIGINT, SIGTERM and SIGHUP sent to cpyconf are passed on
 * to that whole group, so an interrupted build stops make and the
 * compilers under it before cpyconf exits. */
#ifndef CPYCONF_SPAWN_H
#define CPYCONF_SPAWN_H

#include <stdbool.h>

#include "util/strlist.h"

/* Called about once a second while the program runs, with the log path. */
typedef void (*progress_fn)(const char *log, void *data);

struct spawn {
	char *const *argv;           /* argv[0] is searched in PATH */
	const char *dir;             /* where it runs; NULL: here */
	const struct strlist *env;   /* added to the environment */
	const char *log;             /* output appended here; NULL: inherited */
	bool echo;                   /* also copy the output to our stdout (V=1) */
	char **capture;              /* collect stdout here instead (caller frees) */
	progress_fn progress;
	void *data;
};

/* Returns the exit status, or -1 when the program could not be started or
 * died from a signal. */
int spawn_run(const struct spawn *r);

/* The signal that interrupted a program run by spawn_run(), or 0. */
int spawn_interrupted(void);

#endif
