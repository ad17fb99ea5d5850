/* Reading and writing the text files cpyconf works on. Reading checks what
 * a text file must be (readable, not a directory, no NUL bytes, no CR, no
 * overlong line) and reports the first problem with file and line. Writing
 * is atomic and keeps the previous version as FILE.old. */
#ifndef CPYCONF_TEXTFILE_H
#define CPYCONF_TEXTFILE_H

#include <stdbool.h>
#include <stddef.h>

#define MAX_LINE_LENGTH (64 * 1024)

/* Returns the contents, NUL-terminated and ending in a newline, or NULL after
 * an error. `from_file`/`from_line` name where the file was referred to. */
char *read_text_file(const char *path, const char *from_file, int from_line, size_t *len);

/* Writes `len` bytes to `path` through a temporary file and rename(2). With
 * `keep_old`, an existing file is first copied to PATH.old. Returns 0 or -1
 * after reporting the error. */
int write_file_atomic(const char *path, const char *data, size_t len, bool keep_old);

#endif
