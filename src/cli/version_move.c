/* A config carried to another CPython version: the .config header names
 * the version it was written for, and a write for another version lists
 * the options the new version lacks (whose values are dropped) and the
 * options it adds, so that nothing changes unseen. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "translate/version.h"
#include "util/diag.h"
#include "util/strlist.h"
#include "util/textfile.h"

/* Bumped when the meaning of a .config line changes. */
#define CONFIG_FORMAT 1
static const char header_start[] = "# cpyconf config format ";

char *version_header_line(struct kconfig *kc)
{
	char series[16], line[96];
	if (!target_series(kc, series, sizeof series))
		return NULL;
	snprintf(line, sizeof line, "%s%d, CPython %s", header_start, CONFIG_FORMAT, series);
	return xstrdup(line);
}

/* The series the header of the file at `path` names, or NULL. */
static char *written_for(const char *path)
{
	diag_set_muted(true);
	size_t len;
	char *text = read_text_file(path, NULL, 0, &len);
	diag_set_muted(false);
	char *series = NULL;
	for (char *line = text ? strtok(text, "\n") : NULL; line && !series; line = strtok(NULL, "\n")) {
		int format;
		char found[16];
		if (!strncmp(line, header_start, strlen(header_start)) &&
		    sscanf(line + strlen(header_start), "%d, CPython %15s", &format, found) == 2)
			series = xstrdup(found);
	}
	free(text);
	return series;
}

static bool has_prompt(const struct symbol *s)
{
	for (int i = 0; i < s->n_nodes; i++)
		if (s->nodes[i]->prompt)
			return true;
	return false;
}

/* Which symbols apply, in definition order, with `series` as the target
 * version; the config's own choice of version is put back afterwards. */
static bool *applies_for(struct kconfig *kc, const char *series, int n)
{
	struct symbol *member = version_member(kc, series);
	if (!member)
		return NULL;
	struct version_saved saved = version_try(kc, member);
	bool *applies = xcalloc((size_t)n, sizeof *applies);
	int i = 0;
	struct symbol *s;
	for_each_defined(kc, s)
		applies[i++] = sym_applies(kc, s);
	version_restore(kc, saved);
	return applies;
}

static void print_names(const char *path, const char *what, const struct strlist *names)
{
	if (!names->n)
		return;
	fprintf(stderr, "%s: note: %s (%d):", path, what, names->n);
	for (int i = 0; i < names->n; i++)
		fprintf(stderr, " %s", names->items[i]);
	fputc('\n', stderr);
}

void report_version_move(struct kconfig *kc, const char *path)
{
	char now[16];
	char *before = written_for(path);
	if (!before || !target_series(kc, now, sizeof now) || !strcmp(before, now)) {
		free(before);
		return;
	}
	int n = 0;
	struct symbol *s;
	for_each_defined(kc, s)
		n++;
	bool *applied = applies_for(kc, before, n);
	struct strlist lacks = { 0 }, adds = { 0 };
	int i = 0;
	for_each_defined(kc, s) {
		bool applies = sym_applies(kc, s);
		if (s->has_user_value && !applies)
			strlist_add(&lacks, xstrdup(s->name));
		else if (applied && applies && !applied[i] && has_prompt(s))
			strlist_add(&adds, xstrdup(s->name));
		i++;
	}
	fprintf(stderr, "%s: note: the config moves from CPython %s to %s\n", path, before, now);
	char what[96];
	snprintf(what, sizeof what, "options %s lacks, their values dropped", now);
	print_names(path, what, &lacks);
	snprintf(what, sizeof what, "options new in %s against %s", now, before);
	print_names(path, what, &adds);
	strlist_free(&lacks);
	strlist_free(&adds);
	free(applied);
	free(before);
}
