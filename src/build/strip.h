/* Stripping the installed programs and shared libraries (BUILD_STRIP). */
#ifndef CPYCONF_STRIP_H
#define CPYCONF_STRIP_H

#include "build/step.h"

/* Strips every ELF program and shared library under DESTDIR + prefix.
 * Returns 0 (printing how many files), or the step's failure status. */
int strip_install(struct build *b);

#endif
