/* The build Python of a cross build (--with-build-python): unless the
 * config names one, a native interpreter built from the same sources in
 * the output folder, kept and reused while the sources stay the same. */
#ifndef CPYCONF_BUILD_BUILDPYTHON_H
#define CPYCONF_BUILD_BUILDPYTHON_H

#include <stdbool.h>

#include "build/step.h"

/* Whether cpyconf makes the build Python: a cross build of 3.11 or later
 * whose WITH_BUILD_PYTHON is empty. */
bool build_python_is_ours(struct kconfig *kc);

/* OUT/build-python/python, the interpreter in its build folder (caller
 * frees). */
char *build_python_path(const char *out);

/* Builds it (configure and make in OUT/build-python) unless the one there
 * came from the same source tree and version. Returns 0, or the failing
 * step's status. */
int build_python_make(struct build *b);

/* A build Python the config names must run and be the sources' major.minor.
 * Returns 0, or 1 after naming both versions. */
int build_python_check_given(struct build *b);

#endif
