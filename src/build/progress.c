#include "build/progress.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/diag.h"
#include "util/strlist.h"
#include "util/textfile.h"

static long count_in_file(const char *path, const char *needle)
{
	size_t len;
	char *text = read_text_file(path, NULL, 0, &len);
	long n = 0;
	for (const char *p = text; p && (p = strstr(p, needle)); p += strlen(needle))
		n++;
	free(text);
	return n;
}

/* How many distinct object files (words ending in .o) the Makefile names. */
static long objects_in_makefile(const char *path)
{
	size_t len;
	char *text = read_text_file(path, NULL, 0, &len);
	if (!text)
		return 0;
	char **words = NULL;
	long n = 0, cap = 0, unique = 0;
	for (char *p = strtok(text, " \t\n\\"); p; p = strtok(NULL, " \t\n\\")) {
		size_t l = strlen(p);
		if (l > 2 && !strcmp(p + l - 2, ".o") && !strchr(p, '$') && !strchr(p, '%')) {
			if (n == cap)
				words = xrealloc(words, (size_t)(cap = cap ? 2 * cap : 256) * sizeof *words);
			words[n++] = p;
		}
	}
	if (n > 0)
		qsort(words, (size_t)n, sizeof *words, compare_strings);
	for (long i = 0; i < n; i++)
		unique += i == 0 || strcmp(words[i], words[i - 1]) != 0;
	free(words);
	free(text);
	return unique;
}

void make_progress_init(struct make_progress *mp, const char *makefile, const char *label)
{
	mp->total = objects_in_makefile(makefile);
	mp->last_shown = 0;
	mp->tty = isatty(1);
	mp->label = label;
}

void make_progress_show(const char *log, void *data)
{
	struct make_progress *mp = data;
	long done = count_in_file(log, " -c ");
	int pct = mp->total > 0 ? (int)(done * 100 / mp->total) : 0;
	if (pct > 99)
		pct = 99;
	if (mp->tty)
		printf("\r[3/%d] %s: %d%%", BUILD_STEPS, mp->label, pct);
	else if (pct / 10 > mp->last_shown / 10)
		printf("[3/%d] %s: %d%%\n", BUILD_STEPS, mp->label, pct);
	fflush(stdout);
	mp->last_shown = pct;
}

void make_progress_end(struct make_progress *mp, bool ok)
{
	if (mp->tty)
		printf("\r[3/%d] %s: %s\n", BUILD_STEPS, mp->label, ok ? "100%" : "stopped");
}
