/* Modules/Setup.local in the build folder: the extension modules the
 * config builds into the interpreter (BUILD_BUILTIN_MODULES), each with
 * its rule from the tree's own Modules/Setup.stdlib.in, and the check
 * after configure that configure can build every one of them. */
#ifndef CPYCONF_BUILD_SETUPLOCAL_H
#define CPYCONF_BUILD_SETUPLOCAL_H

#include "build/step.h"

/* The words of BUILD_BUILTIN_MODULES, in order, added to `modules`. */
void builtin_modules(struct kconfig *kc, struct strlist *modules);

/* Writes BUILD/Modules/Setup.local before configure, always: with no
 * module listed it holds only a comment, so a list from an earlier build
 * does not linger. Returns 0, or 1 after naming a module the tree has no
 * rule for (or one it only builds shared). */
int setup_local_write(struct build *b);

/* After configure: every listed module's MODULE_<NAME>_STATE in the
 * Makefile must be "yes", else make would fail on it (or build what
 * configure switched off). Returns 0, or 1 after naming each one. */
int setup_local_check(struct build *b);

#endif
