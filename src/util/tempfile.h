/* The temporary file an atomic write fills before renaming it over its
 * target. It is named ".NAME.cpyconf-tmp.HOST.PID" beside the target, so a
 * writer can tell its own leftovers from another writer's; it is removed on
 * every failure, and by a handler when SIGINT, SIGTERM or SIGHUP arrives
 * while it exists. A writer killed outright (SIGKILL, power loss) leaves it
 * behind: the next writer of the same target on the same host removes the
 * temporary files whose PID no longer runs. */
#ifndef CPYCONF_TEMPFILE_H
#define CPYCONF_TEMPFILE_H

#include <sys/types.h>

/* Creates the temporary file for `target` with `mode` and returns its
 * descriptor (its path in *tmp_path, to free), or -1 after reporting. Until
 * temp_done(), a signal removes it before ending the process. */
int temp_create(const char *target, mode_t mode, char **tmp_path);

/* Forgets the temporary file (renamed, or to be removed: `remove`) and
 * restores the signal handlers temp_create() replaced. */
void temp_done(const char *tmp_path, int remove);

#endif
