/* The main job, in order: sources, configure, make, install (and strip),
 * verify. The steps themselves live in their own files; this one opens
 * the build, orders the steps and closes it. */
#ifndef CPYCONF_BUILD_RUNNER_H
#define CPYCONF_BUILD_RUNNER_H

#include "build/step.h"

/* Loads the Kconfig tree and the config (when the file exists), and
 * creates the output folder ($O, default ./output). Returns 0, or 1 after
 * reporting the error. */
int build_open(struct build *b, const char *kconfig_path, const char *config_path);
/* The target version, configure arguments, prefix and DESTDIR. */
int build_prepare(struct build *b);
/* Every step, from the sources to verify, or (configure_only) up to and
 * including configure. Returns 0 or the failing step's status. */
int build_all(struct build *b, bool configure_only);
void build_free(struct build *b);

/* The output folder, $O or ./output, as an absolute path; it need not
 * exist yet (caller frees). */
char *build_output_path(void);

/* The installed interpreter under DESTDIR + prefix, or NULL. */
char *build_find_python(const struct build *b);

#endif
