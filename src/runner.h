/* The main job: sources, configure, make, install (and strip), verify. */
#ifndef CPYCONF_RUNNER_H
#define CPYCONF_RUNNER_H

#include <stdbool.h>

#include "commands.h"
#include "kconfig.h"
#include "spawn.h"
#include "translate.h"

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
};

/* Loads the Kconfig tree and config, and creates the output folder ($O,
 * default ./output). Returns 0, or 1 after reporting the error. */
int build_open(struct build *b, const struct options *opt);
/* The target version, configure arguments, prefix and DESTDIR. */
int build_prepare(struct build *b);
void build_free(struct build *b);

/* Reports that `what` failed, with the log's path and last lines; returns 1. */
int build_failed(const char *what, const char *log);
void build_step(int n, const char *what);
/* Reports that cpyconf was interrupted during `what`; returns 128 + signal. */
int build_interrupted(const struct build *b, const char *what);
#define BUILD_STEPS 5

/* Runs a program of a step in `dir` with the build's environment (and
 * `extra_env`), output to `log` (and the terminal with V=1). Returns 0, 1
 * after a failure (reported with the log's tail), or 128 + signal when
 * cpyconf was interrupted. */
int build_run(struct build *b, char *const argv[], const char *dir, const struct strlist *extra_env,
	      const char *what, const char *log, progress_fn progress, void *data);

struct make_progress;
/* `make TARGET` in the build folder with the config's make variables (and
 * DESTDIR); no target: the default rule with the configured number of
 * jobs, showing `progress`. Output goes to logs/LOG_NAME. Returns as
 * build_run does. */
int build_make(struct build *b, const char *target, const struct strlist *extra_env, const char *log_name,
	       const char *what, struct make_progress *progress);

/* The installed interpreter under DESTDIR + prefix, or NULL. */
char *find_python(const struct build *b);

int cmd_build(const struct options *opt);
int cmd_verify(const struct options *opt);
int verify_install(struct build *b);

#endif
