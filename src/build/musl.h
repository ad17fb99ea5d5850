/* Building with musl-gcc, musl's compiler wrapper (Debian: musl-tools):
 * the check that it is installed, and the stand-in cpyconf puts before it
 * in PATH so that CPython's configure accepts it. */
#ifndef CPYCONF_BUILD_MUSL_H
#define CPYCONF_BUILD_MUSL_H

#include "build/step.h"

/* The config's C compiler is a musl-gcc when the first word of VAR_CC is
 * a name that contains "musl" and ends in "gcc". */

/* A musl-gcc compiler must be in PATH and named without a folder; a
 * missing one is named with the Debian package that provides it.
 * Returns 0, or 1 after reporting. */
int musl_check_compiler(struct build *b);

/* Debian's musl-gcc runs the glibc gcc with musl's headers and libraries,
 * and `musl-gcc --print-multiarch` still names the glibc triplet
 * (x86_64-linux-gnu). configure compares that answer with the triplet it
 * finds in the compiler's predefined macros (x86_64-linux-musl) and stops
 * ("internal configure error for the platform triplet"). For a musl-gcc
 * config this writes OUT/musl/NAME, which fails for --print-multiarch, as
 * a gcc built without multiarch does (configure then takes the musl
 * triplet), and runs the real compiler for everything else; that folder
 * goes first in PATH (`path` is the PATH value to extend, NULL for the
 * process's). Returns the new PATH value, or NULL when the config does not
 * use musl-gcc; sets *rc to 1 after reporting an error. */
char *musl_wrap_compiler(struct build *b, const char *path, int *rc);

#endif
