#include "util/diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int diag_errors;
int diag_warnings;
static bool muted;

void diag_set_muted(bool on)
{
	muted = on;
}

static void vreport(const char *kind, const char *file, int line, const char *fmt, va_list ap)
{
	if (muted)
		return;
	if (file && line > 0)
		fprintf(stderr, "%s:%d: %s: ", file, line, kind);
	else if (file)
		fprintf(stderr, "%s: %s: ", file, kind);
	else
		fprintf(stderr, "cpyconf: %s: ", kind);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void error_at(const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport("error", file, line, fmt, ap);
	va_end(ap);
	diag_errors += !muted;
}

void warning_at(const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport("warning", file, line, fmt, ap);
	va_end(ap);
	diag_warnings += !muted;
}

void error_plain(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport("error", NULL, 0, fmt, ap);
	va_end(ap);
	diag_errors += !muted;
}

void report_at(bool is_error, const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport(is_error ? "error" : "warning", file, line, fmt, ap);
	va_end(ap);
	if (is_error)
		diag_errors++;
	else
		diag_warnings++;
}

static void *check_alloc(void *p)
{
	if (!p) {
		fputs("cpyconf: out of memory\n", stderr);
		exit(2);
	}
	return p;
}

void *xmalloc(size_t n) { return check_alloc(malloc(n ? n : 1)); }
void *xcalloc(size_t n, size_t size) { return check_alloc(calloc(n ? n : 1, size ? size : 1)); }
void *xrealloc(void *p, size_t n) { return check_alloc(realloc(p, n ? n : 1)); }
char *xstrdup(const char *s) { return check_alloc(strdup(s)); }
char *xstrndup(const char *s, size_t n) { return check_alloc(strndup(s, n)); }
FILE *xopen_memstream(char **text, size_t *len) { return check_alloc(open_memstream(text, len)); }
