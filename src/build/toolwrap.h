/* What cpyconf adds to configure's and make's environment beyond the
 * config's own ENV_ symbols: the compiler wrappers for ccache and distcc,
 * the musl-gcc stand-in (build/musl.h) and the settings of a
 * reproducible build. */
#ifndef CPYCONF_TOOLWRAP_H
#define CPYCONF_TOOLWRAP_H

#include "build/step.h"

/* Fills b->env (after the sources are known). Returns 0, or 1 after
 * reporting the error. */
int build_environment(struct build *b);

/* Prints ccache's statistics for the config's cache folder. */
int ccache_show_stats(struct kconfig *kc);

#endif
