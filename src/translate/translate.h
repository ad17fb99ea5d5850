/* The translator: from resolved symbol values to configure arguments,
 * configure's environment and make variables. Everything is derived from
 * symbol names (see options/CONVENTIONS.md); there is no second table. */
#ifndef CPYCONF_TRANSLATE_H
#define CPYCONF_TRANSLATE_H

#include <stdbool.h>
#include <stddef.h>
#include "kconfig/kconfig.h"
#include "util/strlist.h"

struct translation {
	struct strlist configure_args; /* --enable-foo, CFLAGS=..., py_cv_module_x=n/a */
	struct strlist environment;    /* NAME=VALUE for configure's environment */
	struct strlist make_vars;      /* NAME=VALUE for make's command line */
	struct strlist site_answers;   /* ac_cv_x=VALUE for a config.site file */
};

/* With `explicit`, every option's value is spelled out, defaults included.
 * Returns the number of errors (a symbol whose name maps to nothing). */
int translate(struct kconfig *kc, bool explicit, struct translation *out);
void translation_free(struct translation *t);

/* A symbol name spelled as (part of) an option: FOO_BAR -> foo-bar */
char *option_word(const char *name);

/* PREFIX followed by the first `len` bytes of an option word in symbol
 * spelling: ("WITH_", "foo-bar") -> "WITH_FOO_BAR"; the inverse of how
 * the translator spells a name as an option. */
char *symbol_name(const char *prefix, const char *word, size_t len);

/* Whether a word has the form of a configure argument: --name[=value]
 * or NAME=value. */
bool is_configure_argument(const char *w);

/* Shell quoting that a POSIX shell reads back as exactly one word. */
char *shell_quote(const char *s);

#endif
