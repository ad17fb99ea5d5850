/* Replacing a file so that it is never lost or clobbered: readers see the
 * old or the new contents, never a part. */
#ifndef CPYCONF_ATOMICWRITE_H
#define CPYCONF_ATOMICWRITE_H

#include <stdbool.h>
#include <stddef.h>

/* Writes `len` bytes to `path` through a temporary file beside it and
 * rename(2), then syncs the folder. Only a regular file (or a symbolic link
 * to one, which is written through and stays a link) is replaced; anything
 * else is refused. The file keeps its permission bits. With `keep_old`, an
 * existing file whose contents change is first copied to PATH.old (written
 * the same way). Returns 0, or -1 after reporting the error. */
int write_file_atomic(const char *path, const char *data, size_t len, bool keep_old);

#endif
