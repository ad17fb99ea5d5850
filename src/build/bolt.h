/* The BOLT tools of a build with --enable-bolt, found before configure
 * runs so that a missing one is named with its Debian package instead of
 * configure's late error. */
#ifndef CPYCONF_BUILD_BOLT_H
#define CPYCONF_BUILD_BOLT_H

#include "build/step.h"

/* With BOLT on: llvm-bolt and merge-fdata from the config (VAR_LLVM_BOLT,
 * VAR_MERGE_FDATA), else from PATH, else from Debian's /usr/lib/llvm-N/bin
 * (newest N; llvm-bolt's folder first for merge-fdata). What the config
 * does not name goes into configure's environment (LLVM_BOLT, MERGE_FDATA),
 * which keeps configure's arguments those of `cpyconf args`. Returns 0, or
 * 1 after naming what is missing and the package BUILD_BOLT_PACKAGE. */
int bolt_find_tools(struct build *b);

#endif
