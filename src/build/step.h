/* What every step of the CPython build shares: the build's state, and
 * running a step's program with the build's environment and log. The
 * runner (runner.c) orders the steps; sources, strip, verify and the make
 * rules run their programs through here, so no step calls back into the
 * runner. */
#ifndef CPYCONF_BUILD_STEP_H
#define CPYCONF_BUILD_STEP_H

#include <stdbool.h>

#include "build/progress.h"
#include "build/spawn.h"
#include "kconfig/kconfig.h"
#include "translate/translate.h"

struct build {
	struct kconfig *kc;
	char *top;        /* folder of the Kconfig tree (scripts/ is there) */
	char *out;        /* output folder */
	char *logs;       /* its logs/ subfolder */
	char *dir;        /* its build/ subfolder, where configure and make run */
	char *src;        /* the CPython tree */
	char series[16];  /* target version, e.g. "3.13" */
	int minor;        /* 13 for 3.13 */
	bool verbose;     /* V=1: show the programs' output too */
	struct translation t;
	struct strlist all_args; /* what configure gets: --prefix first if ours */
	struct strlist env;      /* configure's and make's extra environment */
	char *prefix, *destdir, *libdir;
	char *python;     /* the installed interpreter */
	char *verify_log;
	bool unverified;  /* verify could not run the interpreter (no emulator) */
};

/* Prints "[n/5] what". */
void step_announce(int n, const char *what);
/* Reports that `what` failed, with the log's path and last lines; returns 1. */
int step_failed(const char *what, const char *log);
/* Reports that cpyconf was interrupted during `what`; returns 128 + signal. */
int step_interrupted(const struct build *b, const char *what);

/* Runs a program of a step in `dir` with the build's environment (and
 * `extra_env`), output to `log` (and the terminal with V=1). Returns 0, 1
 * after a failure (reported with the log's tail), or 128 + signal when
 * cpyconf was interrupted. */
int step_run(struct build *b, char *const argv[], const char *dir, const struct strlist *extra_env,
	     const char *what, const char *log, progress_fn progress, void *data);

/* The full path of a program: NAME itself when it has a slash, else the
 * first match in PATH; NULL when it is not there or not executable. */
char *step_find_program(const char *name);

/* make's -j: $JOBS, BUILD_JOBS, or the number of processors. */
int step_make_jobs(struct kconfig *kc);

/* `make TARGET` in the build folder with the config's make variables (and
 * DESTDIR); no target: the default rule with the configured number of
 * jobs, showing `progress`. Output goes to logs/LOG_NAME. Returns as
 * step_run does. */
int step_make(struct build *b, const char *target, const struct strlist *extra_env, const char *log_name,
	      const char *what, struct make_progress *progress);

#endif
