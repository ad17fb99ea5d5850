#include "cli/defconfig_notes.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util/diag.h"
#include "util/strlist.h"
#include "util/textfile.h"

/* The symbol an assignment line sets ("CONFIG_X=..." or "# CONFIG_X is
 * not set"), as a new string; NULL for any other line. */
static char *assigned_name(const char *line, size_t len)
{
	const char *p = line;
	const char *end = line + len;
	bool unset = false;
	if (len >= 2 && !strncmp(p, "# ", 2)) {
		p += 2;
		unset = true;
	}
	if ((size_t)(end - p) < 8 || strncmp(p, "CONFIG_", 7))
		return NULL;
	p += 7;
	size_t n = 0;
	while (p + n < end && (p[n] == '_' || (p[n] >= 'A' && p[n] <= 'Z') || (p[n] >= 'a' && p[n] <= 'z') ||
			       (p[n] >= '0' && p[n] <= '9')))
		n++;
	if (!n)
		return NULL;
	if (unset ? (size_t)(end - p - n) != 11 || strncmp(p + n, " is not set", 11) : p[n] != '=')
		return NULL;
	return xstrndup(p, n);
}

struct note {
	char *name; /* the symbol under the note */
	char *text; /* its comment lines, each ending in a newline */
	int line;   /* where the note starts, for the warning */
	bool used;
};

static void append(char **text, size_t *len, const char *line, size_t n)
{
	*text = xrealloc(*text, *len + n + 2);
	memcpy(*text + *len, line, n);
	*len += n;
	(*text)[(*len)++] = '\n';
	(*text)[*len] = '\0';
}

char *defconfig_with_notes(const char *path, const char *body)
{
	size_t size = 0;
	char *old = NULL;
	struct stat st;
	if (stat(path, &st) == 0) {
		old = read_text_file(path, NULL, 0, &size);
		if (!old)
			return NULL;
	}
	char *header = xstrdup("");
	size_t header_len = 0;
	struct note *notes = NULL;
	int n_notes = 0;
	char *pending = NULL; /* comment lines not yet under an assignment */
	size_t pending_len = 0;
	int pending_line = 0;
	bool in_header = true;
	int lineno = 0;
	for (const char *line = old; line && *line;) {
		size_t len = strcspn(line, "\n");
		lineno++;
		char *name = assigned_name(line, len);
		if (name) {
			in_header = false;
			if (pending) {
				notes = xrealloc(notes, (size_t)(n_notes + 1) * sizeof *notes);
				notes[n_notes++] = (struct note){ name, pending, pending_line, false };
				pending = NULL;
				pending_len = 0;
			} else {
				free(name);
			}
		} else if (len && line[0] == '#') {
			if (in_header) {
				append(&header, &header_len, line, len);
			} else {
				if (!pending)
					pending_line = lineno;
				append(&pending, &pending_len, line, len);
			}
		} else {
			/* a blank line (or anything else) ends the header, and
			 * parts a note from the assignment below it */
			in_header = false;
			if (pending)
				warning_at(path, pending_line, "this comment is dropped: it does not stand "
					   "directly above an assignment");
			free(pending);
			pending = NULL;
			pending_len = 0;
		}
		line += len + (line[len] == '\n');
	}
	if (pending)
		warning_at(path, pending_line, "this comment is dropped: no assignment follows it");
	free(pending);
	free(old);

	struct strlist out = { 0 };
	size_t total = header_len;
	for (const char *line = body; *line;) {
		size_t len = strcspn(line, "\n");
		char *name = assigned_name(line, len);
		for (int i = 0; name && i < n_notes; i++) {
			if (!notes[i].used && !strcmp(notes[i].name, name)) {
				notes[i].used = true;
				strlist_add(&out, xstrdup(notes[i].text));
				total += strlen(notes[i].text);
			}
		}
		free(name);
		strlist_add(&out, xstrndup(line, len + (line[len] == '\n')));
		total += len + 1;
		line += len + (line[len] == '\n');
	}
	for (int i = 0; i < n_notes; i++) {
		if (!notes[i].used)
			warning_at(path, notes[i].line, "the comment above CONFIG_%s is dropped: the "
				   "minimal config no longer sets %s", notes[i].name, notes[i].name);
		free(notes[i].name);
		free(notes[i].text);
	}
	free(notes);
	char *text = xmalloc(total + 1);
	memcpy(text, header, header_len);
	size_t at = header_len;
	for (int i = 0; i < out.n; i++) {
		size_t n = strlen(out.items[i]);
		memcpy(text + at, out.items[i], n);
		at += n;
	}
	text[at] = '\0';
	strlist_free(&out);
	free(header);
	return text;
}
