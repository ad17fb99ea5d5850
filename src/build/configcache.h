/* Configure's answers kept from an earlier run with exactly the same
 * inputs (BUILD_CONFIGURE_CACHE), so that a rebuild skips configure's
 * several hundred compile, link and run checks. The answers are handed
 * back through CONFIG_SITE, which configure reads before any check and
 * does not record, so CONFIG_ARGS stays that of `cpyconf args`.
 *
 * The inputs are the sources' configure script and folder, configure's
 * arguments, its whole environment (minus variables of the shell and make
 * that no check reads), the installed Debian packages (dpkg's status
 * file), and the time stamps of /usr/local's include and library folders
 * and of every folder in PATH and PKG_CONFIG_PATH. Any change is a new
 * key, so a cached answer is used only where the check would give it
 * again. Not used when CONFIG_SITE is set already (a cross build or a
 * user's site file) or the config passes configure a cache file. */
#ifndef CPYCONF_BUILD_CONFIGCACHE_H
#define CPYCONF_BUILD_CONFIGCACHE_H

#include "build/step.h"

/* The cache file for this build's inputs (which need not exist yet), or
 * NULL when the cache is off or cannot be used. Caller frees. */
char *configure_cache_file(struct build *b);

/* After configure succeeded: its answers from config.log into `file`,
 * minus the two that configure misreads when they come cached
 * (ac_cv_wl_no_as_needed, ac_cv_gcc_asm_for_x64) and the record of its
 * precious variables. Nothing is kept if the log's list is not plain
 * NAME=VALUE lines. */
void configure_cache_save(struct build *b, const char *file);

#endif
