/* cpyconf import: a configure command line (given, in a file, recorded by
 * an interpreter or a build folder) becomes a config. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "build/buildpython.h"
#include "build/configsite.h"
#include "build/runner.h"
#include "build/sources.h"
#include "build/spawn.h"
#include "cli/commands.h"
#include "kconfig/confio.h"
#include "translate/import.h"
#include "translate/shellwords.h"
#include "util/atomicwrite.h"
#include "util/diag.h"
#include "util/textfile.h"

#define USAGE "usage: cpyconf import [--full] [--keep-unknown] [--version X.Y] [-o FILE]\n" \
	      "       (LINE | --from-file FILE|- | --from-python PATH | --from-build DIR | -- ARG...)\n"

struct import_request {
	bool full, keep_unknown;
	const char *output, *version;
	const char *line, *from_file, *from_python, *from_build;
	char **argv; /* after -- */
	int argc;
	bool dashdash;
};

/* The words to import, how messages name each, and the version the
 * source says (NULL: keep the config's). */
struct import_input {
	struct shell_words words;
	char *series;
	const char *source; /* for the report's first line */
};

static int parse_request(const struct options *opt, struct import_request *rq)
{
	int sources = 0;
	for (int i = 0; i < opt->n_args; i++) {
		const char *a = opt->args[i];
		bool has_value = i + 1 < opt->n_args;
		if (!strcmp(a, "--full"))
			rq->full = true;
		else if (!strcmp(a, "--keep-unknown"))
			rq->keep_unknown = true;
		else if (!strcmp(a, "-o") && has_value)
			rq->output = opt->args[++i];
		else if (!strcmp(a, "--version") && has_value)
			rq->version = opt->args[++i];
		else if (!strcmp(a, "--from-file") && has_value)
			rq->from_file = opt->args[++i], sources++;
		else if (!strcmp(a, "--from-python") && has_value)
			rq->from_python = opt->args[++i], sources++;
		else if (!strcmp(a, "--from-build") && has_value)
			rq->from_build = opt->args[++i], sources++;
		else if (!strcmp(a, "--")) {
			rq->dashdash = true;
			rq->argv = opt->args + i + 1;
			rq->argc = opt->n_args - i - 1;
			sources++;
			break;
		} else if (a[0] != '-' && !rq->line)
			rq->line = a, sources++;
		else {
			fprintf(stderr, "cpyconf: import: unexpected '%s'\n" USAGE, a);
			return -1;
		}
	}
	if (sources != 1) {
		fprintf(stderr, "cpyconf: import: give exactly one of LINE, --from-file, --from-python, --from-build, -- ARG...\n" USAGE);
		return -1;
	}
	return 0;
}

/* Lines longer than a config line may be are refused before splitting. */
static bool split_text(const char *name, const char *text, size_t len, struct shell_words *out)
{
	size_t start = 0;
	int line = 1;
	for (size_t i = 0; i <= len; i++) {
		if (i < len && text[i] != '\n')
			continue;
		if (i - start > MAX_LINE_LENGTH) {
			error_at(name, line, "line of %zu bytes; the limit is %d", i - start, MAX_LINE_LENGTH);
			return false;
		}
		start = i + 1;
		line++;
	}
	char *why;
	if (!shell_split(text, len, out, &why)) {
		error_plain("%s:%s", name, why);
		free(why);
		return false;
	}
	return true;
}

/* The whole of FILE (or standard input for "-"), NUL bytes included. */
static char *read_all(const char *path, size_t *len)
{
	FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	if (!f) {
		error_at(path, 0, "cannot read: %s", strerror(errno));
		return NULL;
	}
	size_t cap = 4096, n = 0, got;
	char *buf = xmalloc(cap);
	while ((got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
		n += got;
		if (n + 1 == cap)
			buf = xrealloc(buf, cap *= 2);
	}
	bool failed = ferror(f);
	if (f != stdin)
		fclose(f);
	if (failed) {
		error_at(path, 0, "cannot read: %s", strerror(errno));
		free(buf);
		return NULL;
	}
	buf[n] = '\0';
	*len = n;
	return buf;
}

/* A program name without a slash is looked up in PATH here, so that the
 * file we check is the file that runs. */
static char *find_program(const char *name)
{
	if (strchr(name, '/'))
		return xstrdup(name);
	const char *path = getenv("PATH");
	for (const char *p = path ? path : ""; *p;) {
		size_t n = strcspn(p, ":");
		char *dir = xstrndup(p, n), *full = str_join(dir, "/", name);
		free(dir);
		if (access(full, X_OK) == 0)
			return full;
		free(full);
		p += n + (p[n] == ':');
	}
	return xstrdup(name);
}

/* An ELF executable or a #! script: anything else is not run at all
 * (execvp would hand it to /bin/sh). */
static bool looks_runnable(const char *path)
{
	unsigned char head[4] = { 0 };
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	size_t n = fread(head, 1, sizeof head, f);
	fclose(f);
	return (n >= 2 && head[0] == '#' && head[1] == '!') || (n == 4 && !memcmp(head, "\177ELF", 4));
}

static const char python_probe[] =
	"import sys, sysconfig\n"
	"print('cpyconf-python %d.%d' % sys.version_info[:2])\n"
	"print(sysconfig.get_config_var('CONFIG_ARGS') or '')\n"
	"print('cpyconf-python end')\n";

static bool input_from_python(const char *python, struct import_input *in)
{
	char *path = find_program(python);
	struct stat st;
	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode) || access(path, X_OK) != 0 || !looks_runnable(path)) {
		error_plain("--from-python %s: not a program that can run (an executable or a #! script)", python);
		free(path);
		return false;
	}
	char *argv[] = { path, "-c", (char *)python_probe, NULL };
	char *output = NULL;
	int rc = spawn_run(&(struct spawn){ .argv = argv, .capture = &output });
	free(path);
	const char *tag = "cpyconf-python ", *end = "\ncpyconf-python end\n";
	char *line2 = output ? strchr(output, '\n') : NULL;
	size_t len = output ? strlen(output) : 0;
	/* the version first and a closing line last: what a Python running
	 * the probe prints, and nothing else does by chance */
	bool ok = rc == 0 && line2 && !strncmp(output, tag, strlen(tag)) && len > strlen(end) &&
		  !strcmp(output + len - strlen(end), end);
	if (!ok) {
		error_plain("--from-python %s: not a Python interpreter (it %s)", python,
			    rc != 0 ? "failed when asked for sysconfig's CONFIG_ARGS" : "did not print its version");
	} else {
		*line2++ = '\0';
		in->series = xstrdup(output + strlen(tag));
		output[len - strlen(end)] = '\0';
		ok = split_text("CONFIG_ARGS", line2, strlen(line2), &in->words);
	}
	free(output);
	return ok;
}

/* The value of `NAME=` at the start of a line of `text`, or NULL. */
static char *make_value(const char *text, const char *name)
{
	size_t n = strlen(name);
	for (const char *p = text; *p; p = strchr(p, '\n') + 1) {
		if (!strncmp(p, name, n) && p[n] == '=') {
			const char *v = p + n + 1 + strspn(p + n + 1, " \t");
			return xstrndup(v, strcspn(v, "\n"));
		}
	}
	return NULL;
}

/* "3.13" from DIR/Include/patchlevel.h, or NULL; a folder that is no
 * CPython tree is no error here (the caller says what is missing). */
static char *quiet_tree_series(const char *dir)
{
	diag_set_muted(true);
	char *series = tree_series(dir);
	diag_set_muted(false);
	return series;
}

/* The arguments a configured build folder recorded: CONFIG_ARGS in its
 * Makefile, else ac_cs_config in config.status (quoted twice: once for the
 * shell that runs config.status, once per argument). */
static bool input_from_build(const char *dir, struct import_input *in)
{
	char *makefile = str_join(dir, "/", "Makefile"), *status = str_join(dir, "/", "config.status");
	struct stat st;
	size_t len;
	bool have_makefile = stat(makefile, &st) == 0;
	char *text = read_text_file(have_makefile ? makefile : status, NULL, 0, &len);
	char *args = NULL, *srcdir = NULL;
	bool ok = false;
	if (text && have_makefile) {
		args = make_value(text, "CONFIG_ARGS");
		srcdir = make_value(text, "srcdir");
	} else if (text) {
		char *quoted = make_value(text, "ac_cs_config");
		struct shell_words once;
		char *why;
		if (quoted && shell_split(quoted, strlen(quoted), &once, &why)) {
			args = xstrdup(once.n == 1 ? once.items[0].text : "");
			shell_words_free(&once);
		} else if (quoted) {
			free(why);
		}
		free(quoted);
	}
	if (text && !args)
		error_plain("--from-build %s: neither a Makefile with CONFIG_ARGS= nor a config.status with ac_cs_config=: "
			    "not a configured CPython build folder", dir);
	else if (args)
		ok = split_text(have_makefile ? makefile : status, args, strlen(args), &in->words);
	if (ok) {
		char *src = srcdir && srcdir[0] != '/' ? str_join(dir, "/", srcdir) : xstrdup(srcdir ? srcdir : dir);
		in->series = quiet_tree_series(src);
		if (!in->series)
			in->series = quiet_tree_series(dir);
		free(src);
	}
	free(text);
	free(args);
	free(srcdir);
	free(makefile);
	free(status);
	return ok;
}

static bool gather_input(const struct import_request *rq, struct import_input *in)
{
	if (rq->dashdash) {
		in->source = "the arguments after --";
		for (int i = 0; i < rq->argc; i++) {
			in->words.items = xrealloc(in->words.items, (size_t)(i + 1) * sizeof *in->words.items);
			in->words.items[i] = (struct shell_word){ xstrdup(rq->argv[i]), 0, 0 };
			in->words.n++;
		}
		return true;
	}
	if (rq->line) {
		in->source = "the command line";
		return split_text("LINE", rq->line, strlen(rq->line), &in->words);
	}
	if (rq->from_file) {
		in->source = rq->from_file;
		size_t len;
		char *text = read_all(rq->from_file, &len);
		bool ok = text && split_text(rq->from_file, text, len, &in->words);
		free(text);
		return ok;
	}
	if (rq->from_python) {
		in->source = rq->from_python;
		return input_from_python(rq->from_python, in);
	}
	in->source = rq->from_build;
	return input_from_build(rq->from_build, in);
}

static void print_report(const struct import_input *in, const struct import_arg *args, int n, const char *series)
{
	printf("cpyconf import: %d word(s) from %s, target CPython %s\n", in->words.n, in->source, series);
	for (int i = 0; i < n; i++) {
		const struct import_arg *a = &args[i];
		int width = (int)strlen(a->word) > 60 ? 57 : 60;
		printf("  %-20s %.*s%s\n      -> ", a->where, width, a->word, width == 57 ? "..." : "");
		switch (a->fate) {
		case IMPORT_SCRIPT: puts("the configure script (or its environment)"); break;
		case IMPORT_SET: puts(a->result); break;
		case IMPORT_IMPLIED: printf("implied: equals configure's default (%s)\n", a->result); break;
		case IMPORT_OVERRIDDEN: printf("not taken: %s\n", a->note); break;
		case IMPORT_KEPT: printf("%s\n", a->note); break;
		case IMPORT_REFUSED: printf("not taken: %s\n", a->note); break;
		}
	}
}

/* The target version: --version, else what the source says, else the
 * config's own (or the tree's default). Returns it as "3.13". */
static char *pick_version(struct kconfig *kc, const struct import_request *rq, const struct import_input *in)
{
	const char *wanted = rq->version ? rq->version : in->series;
	if (wanted && !import_pin_version(kc, wanted))
		return NULL;
	return import_target_version(kc);
}

/* What cpyconf build adds for a cross build in this output folder (the
 * build Python it makes, the config.site it writes): importing it would
 * pin a path that cpyconf chooses itself. */
static bool is_cpyconf_addition(const char *word)
{
	char *out = build_output_path();
	char *python = build_python_path(out), *site = config_site_path(out);
	char *python_arg = str_join("--with-build-python=", python, "");
	char *site_var = str_join("CONFIG_SITE=", site, "");
	bool ours = !strcmp(word, python_arg) || !strcmp(word, site_var);
	if (ours)
		printf("  %s\n      -> left to cpyconf build, which makes it in %s\n", word, out);
	free(site_var);
	free(python_arg);
	free(site);
	free(python);
	free(out);
	return ours;
}

int cmd_import(const struct options *opt)
{
	struct import_request rq = { 0 };
	if (parse_request(opt, &rq) != 0)
		return 2;
	struct import_input in = { 0 };
	struct kconfig *kc = NULL;
	char *series = NULL;
	struct import_arg *args = NULL;
	char **words = NULL, **where = NULL;
	int rc = 1;
	if (!gather_input(&rq, &in))
		goto out;
	kc = kconfig_load(opt->kconfig);
	struct stat st;
	if (!kc || (stat(opt->config, &st) == 0 && config_read(kc, opt->config, false) != 0))
		goto out;
	if (!(series = pick_version(kc, &rq, &in)))
		goto out;
	words = xcalloc((size_t)in.words.n + 1, sizeof *words);
	where = xcalloc((size_t)in.words.n + 1, sizeof *where);
	args = xcalloc((size_t)in.words.n + 1, sizeof *args);
	int n = 0;
	for (int k = 0; k < in.words.n; k++) {
		const struct shell_word *w = &in.words.items[k];
		if (is_cpyconf_addition(w->text))
			continue;
		int i = n++;
		char buf[64];
		if (w->line)
			snprintf(buf, sizeof buf, "argument %d (%d:%d)", i + 1, w->line, w->column);
		else
			snprintf(buf, sizeof buf, "argument %d", i + 1);
		words[i] = w->text;
		where[i] = xstrdup(buf);
	}
	int errors = import_words(kc, words, where, n, rq.keep_unknown, args);
	print_report(&in, args, n, series);
	fflush(stdout);
	import_args_free(args, n);
	for (int i = 0; i < n; i++)
		free(where[i]);
	if (errors || diag_errors) {
		fprintf(stderr, "cpyconf: import: nothing written (%d error(s))\n", diag_errors);
		goto out;
	}
	const char *path = rq.output ? rq.output : opt->config;
	char *header = version_header_line(kc);
	char *text = rq.full ? config_text(kc, header) : defconfig_text(kc);
	rc = write_file_atomic(path, text, strlen(text), true) == 0 ? 0 : 1;
	free(text);
	free(header);
	if (rc == 0)
		printf("%s written to %s\n", rq.full ? "config" : "minimal config", path);
out:
	free(args);
	free(words);
	free(where);
	free(series);
	free(in.series);
	shell_words_free(&in.words);
	if (kc)
		kconfig_free(kc);
	return rc;
}
