#include "translate/autoconf.h"

#include <string.h>

#define DIR_OPTION(name, shortest) { name, shortest, true, NULL }

/* In configure's order; `variable` only where an assignment reaches the
 * option (the directory options' variables are their names with '_'). */
static const struct autoconf_option options[] = {
	DIR_OPTION("bindir", 2),
	{ "build", 2, true, "build_alias" },
	{ "cache-file", 1, true, "cache_file" },
	{ "config-cache", 12, false, NULL },
	DIR_OPTION("datadir", 5),
	DIR_OPTION("datarootdir", 5),
	DIR_OPTION("docdir", 2),
	DIR_OPTION("dvidir", 2),
	DIR_OPTION("exec-prefix", 2),
	{ "gas", 1, false, NULL },
	{ "help", 2, false, NULL },
	{ "host", 2, true, "host_alias" },
	DIR_OPTION("htmldir", 2),
	DIR_OPTION("includedir", 3),
	DIR_OPTION("infodir", 3),
	DIR_OPTION("libdir", 4),
	DIR_OPTION("libexecdir", 4),
	DIR_OPTION("localedir", 6),
	DIR_OPTION("localstatedir", 6),
	DIR_OPTION("mandir", 1),
	{ "nfp", 2, false, NULL },
	{ "no-create", 4, false, "no_create" },
	{ "no-recursion", 4, false, "no_recursion" },
	DIR_OPTION("oldincludedir", 1),
	DIR_OPTION("prefix", 1),
	{ "program-prefix", 9, true, "program_prefix" },
	{ "program-suffix", 9, true, "program_suffix" },
	{ "program-transform-name", 9, true, "program_transform_name" },
	DIR_OPTION("pdfdir", 2),
	DIR_OPTION("psdir", 2),
	{ "quiet", 1, false, "silent" },
	DIR_OPTION("runstatedir", 1),
	DIR_OPTION("sbindir", 2),
	DIR_OPTION("sharedstatedir", 2),
	{ "silent", 3, false, "silent" },
	{ "site", 3, true, "site" },
	{ "srcdir", 2, true, "srcdir" },
	DIR_OPTION("sysconfdir", 2),
	{ "target", 1, true, "target_alias" },
	{ "verbose", 4, false, "verbose" },
	{ "version", 4, false, NULL },
	{ "x-includes", 3, true, "x_includes" },
	{ "x-libraries", 3, true, "x_libraries" },
};
#define N_OPTIONS (sizeof options / sizeof options[0])

/* The directory options set the variable of their own name, '-' as '_'. */
static bool sets_variable(const struct autoconf_option *o, const char *name, size_t len)
{
	if (o->variable)
		return strlen(o->variable) == len && !strncmp(o->variable, name, len);
	if (!o->takes_value || strlen(o->name) != len)
		return false;
	for (size_t i = 0; i < len; i++) {
		if (name[i] != (o->name[i] == '-' ? '_' : o->name[i]))
			return false;
	}
	return true;
}

const struct autoconf_option *autoconf_option_of(const char *arg)
{
	size_t len = strcspn(arg, "=");
	if (strncmp(arg, "--", 2) != 0) {
		for (size_t i = 0; i < N_OPTIONS && arg[len] == '='; i++) {
			if (sets_variable(&options[i], arg, len))
				return &options[i];
		}
		return NULL;
	}
	const char *word = arg + 2;
	len -= 2;
	/* configure also takes --exec_prefix, and --progr-tra (a typo in its
	 * own list) for --program-transform-name */
	if (len == 11 && !strncmp(word, "exec_prefix", len))
		word = "exec-prefix";
	if (len == 9 && !strncmp(word, "progr-tra", len))
		return autoconf_option_of("--program-transform-name");
	for (size_t i = 0; i < N_OPTIONS; i++) {
		const struct autoconf_option *o = &options[i];
		if ((int)len >= o->shortest && len <= strlen(o->name) && !strncmp(word, o->name, len))
			return o;
	}
	return NULL;
}
