#include "translate/extra.h"

#include <stdlib.h>
#include <string.h>

#include "translate/autoconf.h"
#include "util/diag.h"

/* Splits the escape hatch into words: blanks separate, '...' is literal,
 * "..." and a backslash escape the next character. Anything a shell would
 * evaluate is refused instead of passed on. NULL and a reason on error. */
static bool split_words(const char *s, struct strlist *out, const char **why)
{
	size_t len = strlen(s);
	char *word = xmalloc(len + 1);
	size_t n = 0;
	bool in_word = false;
	for (const char *p = s; ; p++) {
		char c = *p;
		if (c == '\0' || c == ' ' || c == '\t') {
			if (in_word) {
				word[n] = '\0';
				strlist_add(out, xstrdup(word));
			}
			in_word = false;
			n = 0;
			if (c == '\0')
				break;
			continue;
		}
		in_word = true;
		if (c == '\'') {
			const char *end = strchr(p + 1, '\'');
			if (!end) {
				*why = "a single quote is not closed";
				break;
			}
			memcpy(word + n, p + 1, (size_t)(end - p - 1));
			n += (size_t)(end - p - 1);
			p = end;
		} else if (c == '"') {
			for (p++; *p && *p != '"'; p++) {
				if (*p == '\\' && p[1])
					p++;
				else if (*p == '$' || *p == '`') {
					*why = "$ and backticks are not evaluated; escape them with a backslash or use single quotes";
					break;
				}
				word[n++] = *p;
			}
			if (*why)
				break;
			if (*p != '"') {
				*why = "a double quote is not closed";
				break;
			}
		} else if (c == '\\' && p[1]) {
			word[n++] = *++p;
		} else if (strchr("$`;|&<>()", c)) {
			*why = "shell syntax ($, backticks, ;, |, &, <, >, parentheses) is not evaluated; quote the word";
			break;
		} else {
			word[n++] = c;
		}
	}
	free(word);
	return *why == NULL;
}

/* 0: no such name, or (unless `even_inactive`) its dependencies fail here,
 * so that no symbol controls it for this target; 1: a symbol; 2: a choice
 * (set one of its members) */
static int symbol_or_choice_exists(struct kconfig *kc, const char *name, bool even_inactive)
{
	struct symbol *s = sym_find(kc, name);
	if (s && s->n_nodes)
		return even_inactive || sym_applies(kc, s) ? 1 : 0;
	for_each_defined(kc, s)
		if (s->choice && !strcmp(s->choice->name, name))
			return even_inactive || sym_applies(kc, s->choice) ? 2 : 0;
	return 0;
}

/* The symbol that controls an argument in this config, if any. */
static char *controlling_symbol(struct kconfig *kc, const char *arg, bool even_inactive)
{
	static const char *const forms[][2] = {
		{ "--enable-", "ENABLE_" }, { "--disable-", "ENABLE_" },
		{ "--with-", "WITH_" }, { "--without-", "WITH_" }, { "--", "ARG_" },
	};
	size_t eq = strcspn(arg, "=");
	char *name = NULL;
	if (arg[0] == '-') {
		for (size_t i = 0; i < sizeof forms / sizeof forms[0] && !name; i++) {
			size_t plen = strlen(forms[i][0]);
			if (strncmp(arg, forms[i][0], plen) || eq <= plen)
				continue;
			name = symbol_name(forms[i][1], arg + plen, eq - plen);
		}
	} else {
		const char *module = "py_cv_module_";
		bool is_module = !strncmp(arg, module, strlen(module));
		const char *base = is_module ? arg + strlen(module) : arg;
		name = symbol_name(is_module ? "MODULE_" : "VAR_", base, eq - (size_t)(base - arg));
	}
	int kind = name ? symbol_or_choice_exists(kc, name, even_inactive) : 0;
	if (kind == 2) {
		char *members = str_join(name, "_*", "");
		free(name);
		return members;
	}
	if (kind == 1)
		return name;
	if (name && !strncmp(name, "VAR_", 4)) {
		/* a variable may live in the environment or make menus too */
		const char *alt[] = { "ENV_", "MAKE_" };
		for (int i = 0; i < 2; i++) {
			char *other = str_join(alt[i], name + 4, "");
			if (symbol_or_choice_exists(kc, other, even_inactive)) {
				free(name);
				return other;
			}
			free(other);
		}
	}
	free(name);
	return NULL;
}

bool is_configure_argument(const char *w)
{
	size_t i = 0;
	if (w[0] == '-' && w[1] == '-') {
		for (i = 2; (w[i] >= 'a' && w[i] <= 'z') || (w[i] >= '0' && w[i] <= '9') || w[i] == '-' || w[i] == '_'; i++)
			;
		return i > 2 && (w[i] == '\0' || w[i] == '=');
	}
	for (; (w[i] >= 'A' && w[i] <= 'Z') || (w[i] >= 'a' && w[i] <= 'z') || w[i] == '_' || (i && w[i] >= '0' && w[i] <= '9'); i++)
		;
	return i > 0 && w[i] == '=';
}

/* Reports a word configure reads as one of its built-in options when a
 * symbol controls that option, or when the spelling (an abbreviation, a
 * shell variable, a value in the next word) hides which option it is. */
static bool refused_builtin(struct kconfig *kc, const struct symbol *s, const char *file, int line, const char *w)
{
	const struct autoconf_option *o = autoconf_option_of(w);
	if (!o)
		return false;
	const char *eq = strchr(w, '=');
	char *full = str_join("--", o->name, eq && o->takes_value ? eq : "");
	/* configure's own options (--host, --prefix, ...) belong to their
	 * symbol even where it does not apply: passing one behind cpyconf's
	 * back would change the build it describes */
	char *owner = controlling_symbol(kc, full, true);
	bool exact = !strcmp(full, w);
	if (owner && exact)
		error_at(file, line, "CONFIG_%s: '%s' is controlled by CONFIG_%s; set that instead", s->name, w, owner);
	else if (owner)
		error_at(file, line, "CONFIG_%s: '%s' is configure's --%s, controlled by CONFIG_%s; set that instead",
			 s->name, w, o->name, owner);
	else if (!exact)
		error_at(file, line, "CONFIG_%s: '%s' is configure's --%s; write that out in full", s->name, w, o->name);
	else if (o->takes_value && !eq)
		error_at(file, line, "CONFIG_%s: '%s' would take the next word as its value; write --%s=VALUE",
			 s->name, w, o->name);
	bool refused = owner || !exact || (o->takes_value && !eq);
	free(owner);
	free(full);
	return refused;
}

int translate_extra(struct kconfig *kc, struct translation *out)
{
	struct symbol *s = sym_find(kc, "EXTRA_CONFIGURE_ARGS");
	if (!s || !s->n_nodes || s->type != TYPE_STRING)
		return 0;
	const char *file = s->user_loc.file ? s->user_loc.file : s->nodes[0]->loc.file;
	int line = s->user_loc.file ? s->user_loc.line : s->nodes[0]->loc.line;
	struct strlist words = { 0 };
	const char *why = NULL;
	int errors = 0;
	if (!split_words(sym_str(kc, s), &words, &why)) {
		error_at(file, line, "CONFIG_%s: %s", s->name, why);
		errors++;
	}
	for (int i = 0; i < words.n && !errors; i++) {
		const char *w = words.items[i];
		char *owner = NULL;
		if (!is_configure_argument(w)) {
			error_at(file, line, "CONFIG_%s: '%s' is neither an option (--name[=value]) nor a variable (NAME=value)",
				 s->name, w);
			errors++;
		} else if (refused_builtin(kc, s, file, line, w)) {
			errors++;
		} else if ((owner = controlling_symbol(kc, w, false)) != NULL) {
			error_at(file, line, "CONFIG_%s: '%s' is controlled by CONFIG_%s; set that instead", s->name, w, owner);
			errors++;
		} else {
			strlist_add(&out->configure_args, xstrdup(w));
		}
		free(owner);
	}
	for (int i = 0; i < words.n; i++)
		free(words.items[i]);
	free(words.items);
	return errors;
}
