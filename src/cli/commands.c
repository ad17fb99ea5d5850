#include "cli/commands.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "build/cross.h"
#include "build/runner.h"
#include "build/validate.h"
#include "cli/defconfig_notes.h"
#include "kconfig/confio.h"
#include "translate/translate.h"
#include "util/atomicwrite.h"
#include "util/diag.h"

static bool file_exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

/* Loads the tree and, when it exists, the config file (leniently). */
static struct kconfig *load(const struct options *opt, bool need_config)
{
	struct kconfig *kc = kconfig_load(opt->kconfig);
	if (!kc)
		return NULL;
	if (need_config && file_exists(opt->config) && config_read(kc, opt->config, false) != 0) {
		kconfig_free(kc);
		return NULL;
	}
	return kc;
}

static int write_config(struct kconfig *kc, const struct options *opt)
{
	char *header = version_header_line(kc);
	char *text = config_text(kc, header);
	if (!diag_errors)
		report_version_move(kc, opt->config);
	int rc = diag_errors ? -1 : write_file_atomic(opt->config, text, strlen(text), true);
	free(text);
	free(header);
	return rc;
}

static int finish(struct kconfig *kc, int rc)
{
	kconfig_free(kc);
	return rc == 0 && diag_errors == 0 ? 0 : 1;
}

static int want_args(const struct options *opt, int min, int max, const char *usage)
{
	if (opt->n_args < min || opt->n_args > max) {
		fprintf(stderr, "cpyconf: usage: cpyconf %s%s\n", opt->command, usage);
		return -1;
	}
	return 0;
}

static int cmd_olddefconfig(const struct options *opt)
{
	struct kconfig *kc = load(opt, true);
	return kc ? finish(kc, write_config(kc, opt)) : 1;
}

static int cmd_defconfig(const struct options *opt)
{
	struct kconfig *kc = kconfig_load(opt->kconfig);
	if (!kc)
		return 1;
	if (config_read(kc, opt->args[0], false) != 0)
		return finish(kc, -1);
	return finish(kc, write_config(kc, opt));
}

static int cmd_savedefconfig(const struct options *opt)
{
	struct kconfig *kc = load(opt, true);
	if (!kc)
		return 1;
	char *body = defconfig_text(kc);
	char *text = defconfig_with_notes(opt->args[0], body);
	free(body);
	if (!text)
		return finish(kc, -1);
	int rc = write_file_atomic(opt->args[0], text, strlen(text), false);
	free(text);
	return finish(kc, rc);
}

static int cmd_alldefconfig(const struct options *opt)
{
	struct kconfig *kc = kconfig_load(opt->kconfig);
	return kc ? finish(kc, write_config(kc, opt)) : 1;
}

/* allnoconfig and allyesconfig, as Kconfiglib's scripts of those names do:
 * every bool and tristate gets the value (y, or n unless it has `option
 * allnoconfig_y`), choice members m in allyesconfig, which then switches
 * every choice on. */
static int all_bools(const struct options *opt, tristate value)
{
	struct kconfig *kc = kconfig_load(opt->kconfig);
	if (!kc)
		return 1;
	struct symbol *s;
	for_each_defined(kc, s) {
		if (!sym_is_bool(s))
			continue;
		tristate v = value == 2 ? (s->choice ? 1 : 2) : s->allnoconfig_y ? 2 : 0;
		s->has_user_value = true;
		s->user_tri = v;
		if (s->choice && v == 2)
			s->choice->user_selection = s;
		if (s->choice && value == 2) {
			s->choice->has_user_value = true;
			s->choice->user_tri = 2;
		}
	}
	kc_invalidate(kc);
	return finish(kc, write_config(kc, opt));
}

static int cmd_allnoconfig(const struct options *opt) { return all_bools(opt, 0); }
static int cmd_allyesconfig(const struct options *opt) { return all_bools(opt, 2); }

/* xorshift64*: small, seedable and the same on every platform. */
static unsigned long long next_random(unsigned long long *state)
{
	unsigned long long x = *state;
	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	*state = x;
	return x * 2685821657736338717ULL;
}

static int cmd_randconfig(const struct options *opt)
{
	const char *seed_text = getenv("KCONFIG_SEED");
	if (opt->n_args == 2 && !strcmp(opt->args[0], "--seed"))
		seed_text = opt->args[1];
	else if (want_args(opt, 0, 0, " [--seed N]") != 0)
		return 2;
	unsigned long long seed = 0;
	if (seed_text) {
		char *end;
		seed = strtoull(seed_text, &end, 0);
		if (*seed_text == '\0' || *end != '\0') {
			fprintf(stderr, "cpyconf: the seed must be a number, not '%s'\n", seed_text);
			return 2;
		}
	} else {
		seed = (unsigned long long)time(NULL);
	}
	fprintf(stderr, "cpyconf: randconfig seed %llu\n", seed);
	unsigned long long state = seed * 0x9E3779B97F4A7C15ULL + 1;
	struct kconfig *kc = kconfig_load(opt->kconfig);
	if (!kc)
		return 1;
	/* As in Linux: values in $KCONFIG_ALLCONFIG are fixed, the rest random. */
	const char *fixed = getenv("KCONFIG_ALLCONFIG");
	if (fixed && *fixed && config_read(kc, fixed, false) != 0)
		return finish(kc, -1);
	struct symbol *s;
	for_each_defined(kc, s) {
		if (!sym_is_bool(s) || s->has_user_value || (s->choice && s->choice->has_user_value))
			continue;
		if (!s->choice) {
			s->has_user_value = true;
			s->user_tri = next_random(&state) & 1 ? 2 : 0;
			continue;
		}
		struct symbol *c = s->choice;
		if (c->members[0] != s)
			continue;
		c->has_user_value = true;
		c->user_tri = c->optional && (next_random(&state) & 1) ? 0 : 2;
		c->user_selection = c->members[next_random(&state) % (unsigned)c->n_members];
	}
	kc_invalidate(kc);
	return finish(kc, write_config(kc, opt));
}

static int cmd_listnewconfig(const struct options *opt)
{
	struct kconfig *kc = load(opt, true);
	if (!kc)
		return 1;
	struct symbol *s;
	for_each_defined(kc, s) {
		if (s->has_user_value || !sym_visibility(kc, s))
			continue;
		char *line = config_line(kc, s);
		/* the same form as Kconfiglib's listnewconfig */
		if (line[0] == '#')
			printf("CONFIG_%s=n\n", s->name);
		else
			puts(line);
		free(line);
	}
	return finish(kc, 0);
}

static int cmd_check(const struct options *opt)
{
	const char *path = opt->n_args ? opt->args[0] : opt->config;
	struct kconfig *kc = kconfig_load(opt->kconfig);
	if (!kc)
		return 1;
	int errors = config_read(kc, path, true);
	errors += config_validate(kc);
	errors += cli_check_source_version(kc, path);
	if (errors == 0)
		printf("%s: OK\n", path);
	return finish(kc, errors ? -1 : 0);
}

static void print_json_string(const char *s)
{
	putchar('"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			printf("\\%c", *p);
		else if (*p == '\n')
			fputs("\\n", stdout);
		else if (*p < 0x20)
			printf("\\u%04x", *p);
		else
			putchar(*p);
	}
	putchar('"');
}

static void print_json_list(const char *key, const struct strlist *l, bool last)
{
	printf("  \"%s\": [", key);
	for (int i = 0; i < l->n; i++) {
		fputs(i ? ", " : "", stdout);
		print_json_string(l->items[i]);
	}
	printf("]%s\n", last ? "" : ",");
}

static void print_shell_words(const struct strlist *l, const char *sep)
{
	for (int i = 0; i < l->n; i++) {
		char *q = shell_quote(l->items[i]);
		printf("%s%s", sep, q);
		free(q);
	}
}

/* One "KIND: WORD" line per word, so a script can tell the configure
 * arguments, the environment and the make variables apart. A word with a
 * newline cannot be written so. */
static int print_lines(const char *kind, const struct strlist *l)
{
	for (int i = 0; i < l->n; i++) {
		if (strchr(l->items[i], '\n')) {
			error_plain("argument %d of %s contains a newline; use --format shell or json", i + 1, kind);
			return -1;
		}
		printf("%s: %s\n", kind, l->items[i]);
	}
	return 0;
}

/* cpyconf args [--explicit] [--format shell|lines|json] */
static int cmd_args(const struct options *opt)
{
	bool explicit = false;
	const char *format = "shell";
	for (int i = 0; i < opt->n_args; i++) {
		if (!strcmp(opt->args[i], "--explicit"))
			explicit = true;
		else if (!strcmp(opt->args[i], "--format") && i + 1 < opt->n_args)
			format = opt->args[++i];
		else {
			fprintf(stderr, "cpyconf: usage: cpyconf args [--explicit] [--format shell|lines|json]\n");
			return 2;
		}
	}
	if (strcmp(format, "shell") && strcmp(format, "lines") && strcmp(format, "json")) {
		fprintf(stderr, "cpyconf: unknown format '%s' (shell, lines or json)\n", format);
		return 2;
	}
	struct kconfig *kc = load(opt, true);
	if (!kc)
		return 1;
	if (config_validate(kc) != 0)
		return finish(kc, -1);
	struct translation t;
	if (translate(kc, explicit, &t) != 0) {
		translation_free(&t);
		return finish(kc, -1);
	}
	char *out = build_output_path();
	cross_complete_translation(kc, out, &t);
	free(out);
	if (!strcmp(format, "json")) {
		fputs("{\n", stdout);
		print_json_list("configure_args", &t.configure_args, false);
		print_json_list("environment", &t.environment, false);
		print_json_list("make_vars", &t.make_vars, t.site_answers.n == 0);
		if (t.site_answers.n)
			print_json_list("config_site", &t.site_answers, true);
		fputs("}\n", stdout);
	} else if (!strcmp(format, "lines")) {
		if (print_lines("configure", &t.configure_args) == 0 && print_lines("env", &t.environment) == 0 &&
		    print_lines("make", &t.make_vars) == 0)
			print_lines("site", &t.site_answers);
	} else {
		if (t.environment.n) {
			fputs("env", stdout);
			print_shell_words(&t.environment, " ");
			fputs(" \\\n    ", stdout);
		}
		fputs("./configure", stdout);
		print_shell_words(&t.configure_args, " \\\n    ");
		fputs("\nmake", stdout);
		print_shell_words(&t.make_vars, " ");
		fputs("\n", stdout);
	}
	translation_free(&t);
	return finish(kc, 0);
}

/* Every symbol with its type, whether its dependencies hold for this
 * config (an option the target version or platform lacks does not) and
 * its value, tab-separated: a listing for scripts and tests. */
static int cmd_symbols(const struct options *opt)
{
	struct kconfig *kc = load(opt, true);
	if (!kc)
		return 1;
	struct symbol *s;
	for_each_defined(kc, s) {
		bool active = sym_applies(kc, s);
		printf("%s\t%s\t%s\t%s\n", s->name, type_name(s->type), active ? "active" : "inactive",
		       sym_str(kc, s));
	}
	return finish(kc, 0);
}

struct command {
	const char *name;
	int min_args, max_args;
	const char *usage;
	int (*run)(const struct options *opt);
};

static const struct command commands[] = {
	{ "olddefconfig", 0, 0, "", cmd_olddefconfig },
	{ "defconfig", 1, 1, " FILE", cmd_defconfig },
	{ "savedefconfig", 1, 1, " FILE", cmd_savedefconfig },
	{ "alldefconfig", 0, 0, "", cmd_alldefconfig },
	{ "allnoconfig", 0, 0, "", cmd_allnoconfig },
	{ "allyesconfig", 0, 0, "", cmd_allyesconfig },
	{ "randconfig", 0, 2, " [--seed N]", cmd_randconfig },
	{ "listnewconfig", 0, 0, "", cmd_listnewconfig },
	{ "check", 0, 1, " [FILE]", cmd_check },
	{ "symbols", 0, 0, "", cmd_symbols },
	{ "build", 0, 0, "", cmd_build },
	{ "configure", 0, 0, "", cmd_configure },
	{ "verify", 0, 0, "", cmd_verify },
	{ "config-site", 0, 0, "", cmd_config_site },
	{ "ccache-stats", 0, 0, "", cmd_ccache_stats },
	{ "source-version", 0, 0, "", cmd_source_version },
	{ "import", 1, INT_MAX, " [--full] [--keep-unknown] [--version X.Y] [-o FILE] (LINE | --from-file FILE|- | --from-python PATH | --from-build DIR | -- ARG...)", cmd_import },
	{ "args", 0, 3, " [--explicit] [--format shell|lines|json]", cmd_args },
	{ NULL, 0, 0, NULL, NULL },
};

int cli_dispatch(const struct options *opt)
{
	for (const struct command *c = commands; c->name; c++) {
		if (strcmp(c->name, opt->command))
			continue;
		if (want_args(opt, c->min_args, c->max_args, c->usage) != 0)
			return 2;
		cli_set_source_version(opt);
		return c->run(opt);
	}
	fprintf(stderr, "cpyconf: unknown command '%s' (see cpyconf --help)\n", opt->command);
	return 2;
}
