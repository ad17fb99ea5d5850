/* The make step's progress. A plain build has one phase: compiled objects
 * over the objects the generated Makefile names (rough, but it moves
 * steadily). A PGO or BOLT build runs through several phases that the
 * generated Makefile announces in make's log; each is shown by name with
 * its own progress, and the time each took is printed at the end, so a
 * build that spends minutes in a training run never looks stuck. */
#ifndef CPYCONF_PROGRESS_H
#define CPYCONF_PROGRESS_H

#include <stdbool.h>
#include <time.h>

/* The build shows its steps as [n/BUILD_STEPS]. */
#define BUILD_STEPS 5

enum make_phase {
	PHASE_BUILD,          /* a plain build, or what runs before the first marker */
	PHASE_PGO_BUILD,      /* the instrumented build */
	PHASE_PGO_TRAINING,   /* PROFILE_TASK under the instrumented interpreter */
	PHASE_PGO_REBUILD,    /* the build that uses the profile */
	PHASE_BOLT_INSTRUMENT,
	PHASE_BOLT_TRAINING,  /* PROFILE_TASK again, under BOLT's instrumentation */
	PHASE_BOLT_APPLY,     /* llvm-bolt rewrites the binary from the profile */
	PHASE_COUNT
};

struct make_progress {
	long total;         /* object files the Makefile names */
	char task[256];     /* PROFILE_TASK up to its first make variable (cut to fit) */
	bool tty;
	const char *label;  /* e.g. "make profile-opt" */
	int shown;          /* what was last printed: phase * 1000 + progress */
	time_t started[PHASE_COUNT]; /* when a phase was first seen; 0: not seen */
	time_t ended;
};

void make_progress_init(struct make_progress *mp, const char *makefile, const char *label);
/* A progress_fn (see spawn.h): prints the phase and its progress when they
 * moved. */
void make_progress_show(const char *log, void *data);
/* The last line: 100% or "stopped", and the time each phase took when
 * there was more than one. */
void make_progress_end(struct make_progress *mp, bool ok);
/* After make: whether a training run that is regrtest's (PROFILE_TASK
 * "-m test ...") ended without its closing "Total duration" line, which
 * means it died (3.11 goes on building after a failed task, without a
 * profile). Names the phase in *which. */
bool make_training_died(const struct make_progress *mp, const char *log, const char **which);

#endif
