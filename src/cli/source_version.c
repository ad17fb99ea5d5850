/* PY_SOURCE_VERSION for the engine and the menus: the series of the
 * source tree the config works on, so that the target version defaults to
 * what the tree is. Set before any command loads the Kconfig tree, since
 * `option env` values are read while parsing. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "build/sources.h"
#include "cli/commands.h"
#include "kconfig/confio.h"
#include "util/diag.h"
#include "util/strlist.h"
#include "util/textfile.h"

/* The config file the command reads: defconfig and check name their own. */
static const char *config_of(const struct options *opt)
{
	if ((!strcmp(opt->command, "defconfig") || !strcmp(opt->command, "check")) && opt->n_args == 1)
		return opt->args[0];
	return opt->config;
}

/* Whether the config picks a source that can be on this machine already
 * (local, tarball, git): only then is a trial load worth its time. The
 * default, Debian's package, is chosen by the target version itself. */
static bool picks_own_source(const char *config)
{
	static const char *const picks[] = { "\nCONFIG_SOURCE_LOCAL=y\n", "\nCONFIG_SOURCE_TARBALL=y\n",
					     "\nCONFIG_SOURCE_GIT=y\n" };
	struct stat st;
	if (stat(config, &st) != 0 || !S_ISREG(st.st_mode))
		return false;
	diag_set_muted(true);
	size_t len;
	char *text = read_text_file(config, NULL, 0, &len);
	diag_set_muted(false);
	if (!text)
		return false;
	/* a newline first, so that the first line matches like the others */
	char *lines = str_join("\n", text, "");
	bool found = false;
	for (size_t i = 0; i < sizeof picks / sizeof picks[0] && !found; i++)
		found = strstr(lines, picks[i]) != NULL;
	free(lines);
	free(text);
	return found;
}

/* The tree, from a trial load of the Kconfig tree and the config whose
 * problems are not reported: the command's own load reports them. */
static char *tree_at_hand(const struct options *opt)
{
	diag_set_muted(true);
	struct kconfig *kc = kconfig_load(opt->kconfig);
	if (kc)
		config_read(kc, config_of(opt), false);
	char *tree = kc ? source_tree_at_hand(kc) : NULL;
	kconfig_free(kc);
	diag_set_muted(false);
	return tree;
}

/* The tree the version was read from and its series, when there was one. */
static char *source_tree, *source_series;

void cli_set_source_version(const struct options *opt)
{
	const char *given = getenv("PY_SOURCE_VERSION");
	if (given && *given)
		return;
	const char *env_src = getenv("PYTHON_SRC");
	if (env_src && *env_src)
		source_tree = xstrdup(env_src);
	else if (picks_own_source(config_of(opt)))
		source_tree = tree_at_hand(opt);
	/* A tree that is not there yet is no error here: build reports it. */
	diag_set_muted(true);
	source_series = source_tree ? tree_series(source_tree) : NULL;
	diag_set_muted(false);
	/* Empty when no tree is at hand: set all the same, so that neither
	 * the engine nor the menus warn about an unset variable. */
	setenv("PY_SOURCE_VERSION", source_series ? source_series : "", 1);
}

int cli_check_source_version(struct kconfig *kc, const char *config)
{
	char target[16];
	if (!source_series || !target_series(kc, target, sizeof target) || !strcmp(source_series, target))
		return 0;
	error_at(config, 0, "the config targets CPython %s but the source tree %s is CPython %s", target, source_tree,
		 source_series);
	return 1;
}

int cmd_source_version(const struct options *opt)
{
	(void)opt;
	puts(getenv("PY_SOURCE_VERSION"));
	return 0;
}
