/* The make step's progress figure: compiled objects over the objects the
 * generated Makefile names. Rough, but it moves steadily. */
#ifndef CPYCONF_PROGRESS_H
#define CPYCONF_PROGRESS_H

#include <stdbool.h>

/* The build shows its steps as [n/BUILD_STEPS]. */
#define BUILD_STEPS 5

struct make_progress {
	long total;
	int last_shown;
	bool tty;
	const char *label; /* e.g. "make build_all" */
};

void make_progress_init(struct make_progress *mp, const char *makefile, const char *label);
/* A progress_fn (see spawn.h): prints the percentage when it moved. */
void make_progress_show(const char *log, void *data);
/* The last line: 100% or "stopped". */
void make_progress_end(struct make_progress *mp, bool ok);

#endif
