#include "build/setuplocal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util/atomicwrite.h"
#include "util/diag.h"
#include "util/textfile.h"

void builtin_modules(struct kconfig *kc, struct strlist *modules)
{
	char *copy = xstrdup(sym_string_if_applies(kc, "BUILD_BUILTIN_MODULES"));
	for (char *w = strtok(copy, " \t"); w; w = strtok(NULL, " \t"))
		strlist_add(modules, xstrdup(w));
	free(copy);
}

/* The rule for `module` in Setup.stdlib.in ("_pickle _pickle.c", without
 * the @MODULE__PICKLE_TRUE@ configure puts in front), or NULL; *shared_only
 * tells whether it stands under *shared*, where the tree keeps the
 * modules that only work as .so files. */
static char *find_rule(char *text, const char *module, bool *shared_only)
{
	bool shared_section = false;
	size_t name_len = strlen(module);
	for (char *line = text; *line;) {
		char *end = strchr(line, '\n');
		size_t len = (size_t)(end - line);
		if (line[0] == '*')
			shared_section = len >= 8 && !strncmp(line, "*shared*", 8);
		const char *rule = line;
		if (rule[0] == '@') {
			const char *close = memchr(rule + 1, '@', len - 1);
			rule = close ? close + 1 : rule;
		}
		size_t rule_len = len - (size_t)(rule - line);
		if (rule_len > name_len && !strncmp(rule, module, name_len) &&
		    (rule[name_len] == ' ' || rule[name_len] == '\t')) {
			*shared_only = shared_section;
			return xstrndup(rule, rule_len);
		}
		line = end + 1;
	}
	return NULL;
}

static int collect_rules(struct build *b, const struct strlist *modules, FILE *out)
{
	char *path = str_join(b->src, "/Modules/Setup.stdlib.in", "");
	size_t len;
	char *text = read_text_file(path, NULL, 0, &len);
	if (!text) {
		error_plain("BUILD_BUILTIN_MODULES needs the tree's Modules/Setup.stdlib.in (CPython 3.11 or later)");
		free(path);
		return 1;
	}
	int errors = 0;
	for (int i = 0; i < modules->n; i++) {
		bool shared_only = false;
		char *rule = find_rule(text, modules->items[i], &shared_only);
		if (!rule) {
			error_plain("BUILD_BUILTIN_MODULES names '%s', which CPython %s does not build "
				    "(%s has no rule for it)", modules->items[i], b->series, path);
			errors++;
		} else if (shared_only) {
			error_plain("BUILD_BUILTIN_MODULES names '%s', which CPython %s builds only as a "
				    "loadable module (under *shared* in %s)", modules->items[i], b->series, path);
			errors++;
		} else {
			fprintf(out, "%s\n", rule);
		}
		free(rule);
	}
	free(text);
	free(path);
	return errors ? 1 : 0;
}

int setup_local_write(struct build *b)
{
	struct strlist modules = { 0 };
	builtin_modules(b->kc, &modules);
	char *text = NULL;
	size_t len = 0;
	FILE *f = xopen_memstream(&text, &len);
	fputs("# Written by cpyconf for every build from BUILD_BUILTIN_MODULES: edit\n"
	      "# the config, not this file. makesetup takes the first rule it reads for\n"
	      "# a module, and it reads this file first.\n", f);
	int rc = 0;
	if (modules.n) {
		fputs("*static*\n", f);
		rc = collect_rules(b, &modules, f);
	}
	fclose(f);
	char *folder = str_join(b->dir, "/Modules", "");
	char *path = str_join(folder, "/Setup.local", "");
	mkdir(b->dir, 0777);
	mkdir(folder, 0777);
	if (rc == 0)
		rc = write_file_atomic(path, text, len, false) ? 1 : 0;
	if (rc == 0 && modules.n)
		printf("      Modules/Setup.local: %d modules built into the interpreter\n", modules.n);
	free(path);
	free(folder);
	free(text);
	strlist_free(&modules);
	return rc;
}

/* MODULE_<NAME>_STATE's value in the Makefile text ("yes", "missing",
 * "disabled", "n/a"), or NULL when configure wrote none. `upper` is the
 * module's name in capitals. */
static char *module_state(const char *makefile, const char *upper)
{
	char *key = str_join("\nMODULE_", upper, "_STATE=");
	const char *at = strstr(makefile, key);
	char *state = NULL;
	if (at) {
		at += strlen(key);
		state = xstrndup(at, strcspn(at, " \t\n#"));
	}
	free(key);
	return state;
}

int setup_local_check(struct build *b)
{
	struct strlist modules = { 0 };
	builtin_modules(b->kc, &modules);
	if (!modules.n)
		return 0;
	char *path = str_join(b->dir, "/Makefile", "");
	size_t len;
	char *makefile = read_text_file(path, NULL, 0, &len);
	int errors = makefile ? 0 : 1;
	for (int i = 0; makefile && i < modules.n; i++) {
		char *upper = xstrdup(modules.items[i]);
		for (char *c = upper; *c; c++)
			if (*c >= 'a' && *c <= 'z')
				*c = (char)(*c - 'a' + 'A');
		char *state = module_state(makefile, upper);
		if (!state || strcmp(state, "yes")) {
			error_plain("BUILD_BUILTIN_MODULES names '%s', but configure will not build it "
				    "(MODULE_%s_STATE is '%s' in %s; why: %s/configure.log)",
				    modules.items[i], upper, state ? state : "unset", path, b->logs);
			errors++;
		}
		free(state);
		free(upper);
	}
	free(makefile);
	free(path);
	strlist_free(&modules);
	return errors ? 1 : 0;
}
