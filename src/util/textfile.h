/* Reading the text files cpyconf works on: reading checks what
 * a text file must be (readable, not a directory, no NUL bytes, no CR, no
 * overlong line) and reports the first problem with file and line.
 * Writing is in util/atomicwrite.h. */
#ifndef CPYCONF_TEXTFILE_H
#define CPYCONF_TEXTFILE_H

#include <stddef.h>

#define MAX_LINE_LENGTH (64 * 1024)

/* Returns the contents, NUL-terminated and ending in a newline, or NULL after
 * an error. `from_file`/`from_line` name where the file was referred to. */
char *read_text_file(const char *path, const char *from_file, int from_line, size_t *len);

#endif
