#include "diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int diag_errors;
int diag_warnings;

static void vreport(const char *kind, const char *file, int line, const char *fmt, va_list ap)
{
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
	diag_errors++;
}

void warning_at(const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport("warning", file, line, fmt, ap);
	va_end(ap);
	diag_warnings++;
}

void error_plain(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport("error", NULL, 0, fmt, ap);
	va_end(ap);
	diag_errors++;
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

/* Levenshtein distance, bounded: returns limit+1 as soon as it must exceed. */
static size_t edit_distance(const char *a, const char *b, size_t limit)
{
	size_t la = strlen(a), lb = strlen(b);
	if ((la > lb ? la - lb : lb - la) > limit)
		return limit + 1;
	size_t *row = xcalloc(lb + 1, sizeof *row);
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0], best = i;
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
			size_t v = diag + cost;
			if (row[j - 1] + 1 < v)
				v = row[j - 1] + 1;
			if (up + 1 < v)
				v = up + 1;
			row[j] = v;
			diag = up;
			if (v < best)
				best = v;
		}
		if (best > limit) {
			free(row);
			return limit + 1;
		}
	}
	size_t d = row[lb];
	free(row);
	return d;
}

const struct symbol *nearest_symbol(struct kconfig *kc, const char *name)
{
	/* A third of the name's length, at least 2 edits, counts as a typo. */
	size_t limit = strlen(name) / 3;
	if (limit < 2)
		limit = 2;
	const struct symbol *best = NULL;
	size_t best_d = limit + 1;
	const struct symbol *s;
	for_each_defined(kc, s) {
		size_t d = edit_distance(name, s->name, best_d - 1 < limit ? best_d - 1 : limit);
		if (d < best_d) {
			best_d = d;
			best = s;
		}
	}
	return best;
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
