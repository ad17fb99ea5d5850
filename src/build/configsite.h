/* The config.site file cpyconf writes for a cross build: the config's
 * answers to the checks configure cannot run on the build machine
 * (SITE_ symbols), after the user's own site file (ENV_CONFIG_SITE). */
#ifndef CPYCONF_BUILD_CONFIGSITE_H
#define CPYCONF_BUILD_CONFIGSITE_H

#include "build/step.h"

/* OUT/config.site (caller frees). */
char *config_site_path(const char *out);

/* Writes the file when the config answers anything; nothing otherwise.
 * Returns 0, or 1 after reporting the error. */
int config_site_write(struct build *b);

#endif
