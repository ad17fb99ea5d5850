/* Diagnostics: every message names a file and line where one exists, and
 * errors are counted so a command can refuse to write after any of them. */
#ifndef CPYCONF_DIAG_H
#define CPYCONF_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

extern int diag_errors;
extern int diag_warnings;

#if defined(__GNUC__)
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
#else
#define PRINTF_LIKE(f, a)
#endif

void error_at(const char *file, int line, const char *fmt, ...) PRINTF_LIKE(3, 4);
void warning_at(const char *file, int line, const char *fmt, ...) PRINTF_LIKE(3, 4);
void error_plain(const char *fmt, ...) PRINTF_LIKE(1, 2);
/* Either an error or a warning, as `is_error` says. */
void report_at(bool is_error, const char *file, int line, const char *fmt, ...) PRINTF_LIKE(4, 5);

/* While muted, reports are neither printed nor counted: for a trial load
 * whose problems the real load reports again. */
void diag_set_muted(bool on);

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* open_memstream(3) that exits like the others when memory runs out. */
FILE *xopen_memstream(char **text, size_t *len);

#endif
