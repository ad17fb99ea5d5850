#include "build/cross.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "build/buildpython.h"
#include "build/configsite.h"
#include "util/diag.h"

static void drop_variable(struct strlist *l, const char *prefix)
{
	int kept = 0;
	for (int i = 0; i < l->n; i++) {
		if (!strncmp(l->items[i], prefix, strlen(prefix)))
			free(l->items[i]);
		else
			l->items[kept++] = l->items[i];
	}
	l->n = kept;
}

/* Where the translator would have put it: WITH_BUILD_PYTHON follows
 * ARG_HOST in the tree, so `cpyconf import` of this line gives a config
 * whose arguments come out in the same order. */
static void insert_after_host(struct strlist *args, char *arg)
{
	int at = args->n;
	for (int i = 0; i < args->n; i++)
		if (!strncmp(args->items[i], "--host=", 7))
			at = i + 1;
	strlist_add(args, arg);
	memmove(args->items + at + 1, args->items + at, (size_t)(args->n - 1 - at) * sizeof *args->items);
	args->items[at] = arg;
}

void cross_complete_translation(struct kconfig *kc, const char *out, struct translation *t)
{
	if (t->site_answers.n) {
		/* the user's site file is read from the generated one */
		drop_variable(&t->environment, "CONFIG_SITE=");
		char *path = config_site_path(out);
		strlist_add(&t->environment, str_join("CONFIG_SITE=", path, ""));
		free(path);
	}
	if (build_python_is_ours(kc)) {
		char *python = build_python_path(out);
		insert_after_host(&t->configure_args, str_join("--with-build-python=", python, ""));
		free(python);
	}
}

/* "gcc-aarch64-linux-gnu" for aarch64-linux-gnu-gcc (Debian's naming of
 * its cross compilers), or NULL for a name that does not follow it. */
static char *debian_package(const char *compiler)
{
	const char *base = strrchr(compiler, '/');
	base = base ? base + 1 : compiler;
	static const char *const tools[] = { "gcc", "g++" };
	size_t len = strlen(base);
	for (size_t i = 0; i < sizeof tools / sizeof tools[0]; i++) {
		size_t tool_len = strlen(tools[i]);
		if (len > tool_len + 1 && base[len - tool_len - 1] == '-' && !strcmp(base + len - tool_len, tools[i])) {
			char *triplet = xstrndup(base, len - tool_len - 1);
			char *package = str_join(tools[i], "-", triplet);
			free(triplet);
			return package;
		}
	}
	return NULL;
}

int cross_check_compiler(struct build *b)
{
	const char *host = sym_string_if_applies(b->kc, "ARG_HOST");
	if (!sym_is_y(b->kc, "PY_CROSS_COMPILE") || !sym_is_y(b->kc, "PY_TARGET_LINUX") || !*host)
		return 0;
	const char *cc = sym_string_if_applies(b->kc, "VAR_CC");
	cc += strspn(cc, " \t");
	char *compiler = *cc ? xstrndup(cc, strcspn(cc, " \t")) : str_join(host, "-gcc", "");
	char *found = step_find_program(compiler);
	int rc = 0;
	if (!found) {
		char *package = debian_package(compiler);
		if (package)
			error_plain("the cross compiler %s is not installed or not in PATH "
				    "(Debian package %s; scripts/install-deps --cross ARCH installs it)",
				    compiler, package);
		else
			error_plain("the cross compiler %s is not installed or not in PATH", compiler);
		free(package);
		rc = 1;
	}
	free(found);
	free(compiler);
	return rc;
}
