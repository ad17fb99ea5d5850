/* Where the CPython tree comes from: a local folder, Debian's source
 * packages, a release tarball or git (see scripts/fetch-*). */
#ifndef CPYCONF_SOURCES_H
#define CPYCONF_SOURCES_H

#include <stdbool.h>
#include <stddef.h>

#include "build/step.h"
#include "translate/version.h"

/* "3.13.0" (PY_VERSION) from a tree's Include/patchlevel.h, or NULL
 * (caller frees). */
char *tree_version(const char *src);
/* "3.13" from a tree's Include/patchlevel.h, or NULL (caller frees). */
char *tree_series(const char *src);

/* The source tree the config (or PYTHON_SRC) names, where it is on this
 * machine without a download: PYTHON_SRC, the local tree, or a tarball or
 * git commit already unpacked in the cache. NULL otherwise, and for
 * Debian's packages, which the target version chooses. Caller frees. */
char *source_tree_at_hand(struct kconfig *kc);
/* The folder fetched sources and other reusable results are kept in:
 * SOURCE_CACHE_DIR, else $CPYCONF_CACHE, else ~/.cache/cpyconf (caller frees). */
char *sources_cache_dir(struct kconfig *kc);

/* Finds or fetches the sources (PYTHON_SRC wins over the Source menu) and
 * checks their version against the target. Sets b->src; returns 0, or
 * the step's failure status. */
int find_sources(struct build *b);

#endif
