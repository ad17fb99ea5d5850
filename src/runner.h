/* The main job: sources, configure, make, install, verify. */
#ifndef CPYCONF_RUNNER_H
#define CPYCONF_RUNNER_H

#include "commands.h"
#include "kconfig.h"
#include "translate.h"

struct build {
	struct kconfig *kc;
	char *top;        /* folder of the Kconfig tree (scripts/ is there) */
	char *out;        /* output folder */
	char *logs;       /* its logs/ subfolder */
	char *src;        /* the CPython tree */
	char series[16];  /* target version, e.g. "3.13" */
	struct translation t;
	struct strlist all_args; /* what configure gets: --prefix first if ours */
	char *prefix, *destdir, *libdir;
	char *python;     /* the installed interpreter */
	char *verify_log;
};

int cmd_build(const struct options *opt);
int verify_install(struct build *b);

#endif
