/* Checking an installed CPython against its config: the build's own
 * extension module checker, then the interpreter (CONFIG_ARGS, abiflags,
 * Py_DEBUG, Py_GIL_DISABLED, which modules import). */
#ifndef CPYCONF_BUILD_VERIFY_H
#define CPYCONF_BUILD_VERIFY_H

#include "build/step.h"

/* Needs b->python. Returns 0, 1 after reporting what does not match, or
 * 128 + signal when interrupted. */
int verify_install(struct build *b);

#endif
