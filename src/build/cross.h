/* What a cross build adds to what the config says, shared by `cpyconf
 * args` and the build so that both show the same command, and the check
 * for the cross compiler before anything runs. */
#ifndef CPYCONF_BUILD_CROSS_H
#define CPYCONF_BUILD_CROSS_H

#include "build/step.h"

/* For output folder OUT: CONFIG_SITE points at the generated site file
 * when the config answers configure's checks, and --with-build-python at
 * the build Python cpyconf makes when the config names none. */
void cross_complete_translation(struct kconfig *kc, const char *out, struct translation *t);

/* A Linux cross build needs its compiler (VAR_CC, else HOST-gcc) in PATH;
 * a missing one is named with the Debian package that provides it.
 * Returns 0, or 1 after reporting. */
int cross_check_compiler(struct build *b);

#endif
