#include "build/progress.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/diag.h"
#include "util/strlist.h"
#include "util/textfile.h"

static const char *const phase_names[PHASE_COUNT] = {
	[PHASE_BUILD] = "build",
	[PHASE_PGO_BUILD] = "instrumented build",
	[PHASE_PGO_TRAINING] = "training run",
	[PHASE_PGO_REBUILD] = "optimized build",
	[PHASE_BOLT_INSTRUMENT] = "BOLT instrumenting",
	[PHASE_BOLT_TRAINING] = "BOLT training run",
	[PHASE_BOLT_APPLY] = "BOLT optimizing",
};

/* The log as it is now, whatever bytes it holds (a test's output may not be
 * a clean text file, so read_text_file's checks do not apply). */
static char *read_log(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 1 << 16, len = 0, got;
	char *text = xmalloc(cap + 1);
	while ((got = fread(text + len, 1, cap - len, f)) > 0)
		if ((len += got) == cap)
			text = xrealloc(text, (cap *= 2) + 1);
	fclose(f);
	text[len] = '\0';
	return text;
}

static long count_from(const char *text, const char *needle)
{
	long n = 0;
	for (const char *p = text; (p = strstr(p, needle)); p += strlen(needle))
		n++;
	return n;
}

/* How many distinct object files (words ending in .o) the Makefile names. */
static long objects_in_makefile(const char *text)
{
	char *copy = xstrdup(text);
	char **words = NULL;
	long n = 0, cap = 0, unique = 0;
	for (char *p = strtok(copy, " \t\n\\"); p; p = strtok(NULL, " \t\n\\")) {
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
	free(copy);
	return unique;
}

/* PROFILE_TASK as the Makefile sets it, cut before its first make variable
 * ($(TESTTIMEOUT)): the training run's command line in the log holds it. */
static void read_profile_task(const char *text, char *task, size_t size)
{
	task[0] = '\0';
	const char *p = strstr(text, "\nPROFILE_TASK=");
	if (!p)
		return;
	p += strlen("\nPROFILE_TASK=");
	p += strspn(p, " \t");
	size_t n = strcspn(p, "$\n");
	while (n > 0 && isspace((unsigned char)p[n - 1]))
		n--;
	if (n >= size)
		n = size - 1;
	memcpy(task, p, n);
	task[n] = '\0';
}

void make_progress_init(struct make_progress *mp, const char *makefile, const char *label)
{
	memset(mp, 0, sizeof *mp);
	size_t len;
	char *text = read_text_file(makefile, NULL, 0, &len);
	if (text) {
		mp->total = objects_in_makefile(text);
		read_profile_task(text, mp->task, sizeof mp->task);
	}
	free(text);
	mp->shown = -1;
	mp->tty = isatty(1);
	mp->label = label;
}

/* The training run's command: the interpreter the build made, given the
 * task (./python -m test --pgo ...). */
static const char *find_training(const struct make_progress *mp, const char *from)
{
	if (!mp->task[0])
		return NULL;
	for (const char *p = from; (p = strstr(p, mp->task)); p++) {
		if (p - from >= 7 && !strncmp(p - 7, "python ", 7))
			return p;
		if (p - from >= 11 && !strncmp(p - 11, "python.exe ", 11))
			return p;
	}
	return NULL;
}

/* The last regrtest progress mark "[ n/N]" after `from`. */
static bool last_test_count(const char *from, long *done, long *of)
{
	bool found = false;
	for (const char *p = from; (p = strchr(p, '[')); p++) {
		char *end;
		long n = strtol(p + 1, &end, 10);
		if (end == p + 1 || *end != '/')
			continue;
		const char *q = end + 1;
		long total = strtol(q, &end, 10);
		if (end == q || *end != ']' || total <= 0)
			continue;
		*done = n;
		*of = total;
		found = true;
	}
	return found;
}

/* Which phase the log is in: the phases follow each other, so each
 * marker is looked for after the previous one that was found. PGO's first
 * message comes before its cleaning and instrumented build. A training
 * run is known by its command line, which only counts after the
 * instrumentation it belongs to. */
static enum make_phase phase_of(const struct make_progress *mp, const char *log, const char **start)
{
	enum make_phase phase = PHASE_BUILD;
	const char *pos = log, *p;
	if ((p = strstr(pos, "Running code to generate profile data"))) {
		phase = PHASE_PGO_BUILD, pos = p;
		if ((p = find_training(mp, pos)))
			phase = PHASE_PGO_TRAINING, pos = p;
	}
	if ((p = strstr(pos, "Rebuilding with profile guided optimizations:")))
		phase = PHASE_PGO_REBUILD, pos = p;
	if ((p = strstr(pos, " -instrument -instrumentation-file"))) {
		phase = PHASE_BOLT_INSTRUMENT, pos = p;
		if ((p = find_training(mp, pos)))
			phase = PHASE_BOLT_TRAINING, pos = p;
		if ((p = strstr(pos, "-data=")))
			phase = PHASE_BOLT_APPLY, pos = p;
	}
	*start = pos;
	return phase;
}

static void format_seconds(char *buf, size_t size, long s)
{
	if (s >= 60)
		snprintf(buf, size, "%ldm%02lds", s / 60, s % 60);
	else
		snprintf(buf, size, "%lds", s);
}

void make_progress_show(const char *log, void *data)
{
	struct make_progress *mp = data;
	char *text = read_log(log);
	if (!text)
		return;
	const char *start;
	enum make_phase phase = phase_of(mp, text, &start);
	time_t now = time(NULL);
	if (!mp->started[phase])
		mp->started[phase] = now;

	char what[160];
	int step; /* what a line without a terminal is printed for: a new phase or tenth */
	long done = 0, of = 0;
	bool training = phase == PHASE_PGO_TRAINING || phase == PHASE_BOLT_TRAINING;
	const char *name = phase == PHASE_BUILD ? "" : phase_names[phase];
	const char *sep = *name ? " " : "";
	if (training && last_test_count(start, &done, &of)) {
		snprintf(what, sizeof what, "%s, test %ld/%ld", name, done, of);
		step = (int)(done * 10 / of);
	} else if (training || phase == PHASE_BOLT_INSTRUMENT || phase == PHASE_BOLT_APPLY) {
		snprintf(what, sizeof what, "%s", name);
		step = 0;
	} else {
		long pct = mp->total > 0 ? count_from(start, " -c ") * 100 / mp->total : 0;
		if (pct > 99)
			pct = 99;
		snprintf(what, sizeof what, "%s%s%ld%%", name, sep, pct);
		step = (int)pct / 10;
	}
	free(text);

	if (mp->tty) {
		char took[32];
		format_seconds(took, sizeof took, (long)(now - mp->started[phase]));
		printf("\r\033[K[3/%d] %s: %s%s%s", BUILD_STEPS, mp->label, what, phase == PHASE_BUILD ? "" : ", ",
		       phase == PHASE_BUILD ? "" : took);
	} else if ((int)phase * 1000 + step != mp->shown) {
		printf("[3/%d] %s: %s\n", BUILD_STEPS, mp->label, what);
	}
	mp->shown = (int)phase * 1000 + step;
	fflush(stdout);
}

void make_progress_end(struct make_progress *mp, bool ok)
{
	time_t now = time(NULL);
	char summary[512] = "";
	size_t used = 0;
	int phases = 0;
	for (int i = 0; i < PHASE_COUNT; i++) {
		/* Before PGO's first message: not a phase of its own. */
		if (!mp->started[i] || (i == PHASE_BUILD && mp->started[PHASE_PGO_BUILD]))
			continue;
		time_t until = now;
		for (int j = i + 1; j < PHASE_COUNT; j++)
			if (mp->started[j]) {
				until = mp->started[j];
				break;
			}
		char took[32];
		format_seconds(took, sizeof took, (long)(until - mp->started[i]));
		used += (size_t)snprintf(summary + used, sizeof summary - used, "%s%s %s", phases ? ", " : "",
					 phase_names[i], took);
		phases++;
	}
	const char *result = ok ? "100%" : "stopped";
	if (phases > 1)
		printf("%s[3/%d] %s: %s (%s)\n", mp->tty ? "\r\033[K" : "", BUILD_STEPS, mp->label, result, summary);
	else if (mp->tty)
		printf("\r\033[K[3/%d] %s: %s\n", BUILD_STEPS, mp->label, result);
	fflush(stdout);
}

bool make_training_died(const struct make_progress *mp, const char *log, const char **which)
{
	if (strncmp(mp->task, "-m test", 7))
		return false;
	char *text = read_log(log);
	bool died = false;
	const char *p = text ? strstr(text, "Running code to generate profile data") : NULL;
	const char *bolt = text ? strstr(text, " -instrument -instrumentation-file") : NULL;
	const char *runs[2][2] = { { p, "the PGO training run" }, { bolt, "the BOLT training run" } };
	for (int i = 0; i < 2 && !died; i++) {
		const char *start = runs[i][0] ? find_training(mp, runs[i][0]) : NULL;
		if (!start)
			continue;
		/* its output ends where make goes on: the next rule's message */
		const char *end = strstr(start, i == 0 ? "Rebuilding with profile guided optimizations:" : "-data=");
		const char *done = strstr(start, "Total duration");
		if (!done || (end && done > end)) {
			died = true;
			*which = runs[i][1];
		}
	}
	free(text);
	return died;
}
