/* Where the CPython tree comes from: a local folder, Debian's source
 * packages, a release tarball or git (see scripts/fetch-*). */
#ifndef CPYCONF_SOURCES_H
#define CPYCONF_SOURCES_H

#include <stdbool.h>
#include <stddef.h>

#include "build/step.h"

/* "3.13" from the selected PY_VERSION_3_13; false if none is selected. */
bool target_series(struct kconfig *kc, char *out, size_t size);

/* "3.13" from a tree's Include/patchlevel.h, or NULL (caller frees). */
char *tree_series(const char *src);

/* Finds or fetches the sources (PYTHON_SRC wins over the Source menu) and
 * checks their version against the target. Sets b->src; returns 0, or
 * the step's failure status. */
int find_sources(struct build *b);

#endif
