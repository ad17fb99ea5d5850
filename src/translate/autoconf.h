/* The options autoconf builds into every configure script (--prefix,
 * --host, --cache-file, ...), and the other spellings configure reads as
 * them: a unique prefix (--pre=, --p=, --cache=), exec_prefix for
 * exec-prefix, and the shell variable an assignment argument sets
 * directly (prefix=DIR, build_alias=X). Taken from configure's own option
 * parser (autoconf 2.71, CPython 3.13); --enable-* and --with-* are never
 * abbreviated there. */
#ifndef CPYCONF_AUTOCONF_H
#define CPYCONF_AUTOCONF_H

#include <stdbool.h>

struct autoconf_option {
	const char *name;     /* without "--" */
	int shortest;         /* length of the shortest prefix configure takes */
	bool takes_value;     /* written --name=VALUE or --name VALUE */
	const char *variable; /* the shell variable it sets, or NULL */
};

/* The built-in option `arg` (a --name[=value] or NAME=value argument)
 * stands for, or NULL. */
const struct autoconf_option *autoconf_option_of(const char *arg);

#endif
