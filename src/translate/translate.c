#include "translate/translate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "translate/extra.h"
#include "util/diag.h"

static bool starts_with(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

/* FOO_BAR -> foo-bar */
char *option_word(const char *name)
{
	char *w = xstrdup(name);
	for (char *p = w; *p; p++)
		*p = *p == '_' ? '-' : (char)(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p);
	return w;
}

char *symbol_name(const char *prefix, const char *word, size_t len)
{
	size_t plen = strlen(prefix);
	char *name = xmalloc(plen + len + 1), *o = name + plen;
	memcpy(name, prefix, plen);
	for (size_t i = 0; i < len; i++)
		*o++ = word[i] == '-' ? '_' : (char)(word[i] >= 'a' && word[i] <= 'z' ? word[i] - 'a' + 'A' : word[i]);
	*o = '\0';
	return name;
}

static char *lowercase(const char *name)
{
	char *w = xstrdup(name);
	for (char *p = w; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	return w;
}

/* --enable-foo / --disable-foo / --with-foo / --without-foo / --x=value */
static char *flag(bool is_enable, const char *word, bool on, const char *value)
{
	const char *yes = is_enable ? "--enable-" : "--with-";
	const char *no = is_enable ? "--disable-" : "--without-";
	if (value) {
		char *head = str_join(yes, word, "=");
		char *s = str_join(head, value, "");
		free(head);
		return s;
	}
	return str_join(on ? yes : no, word, "");
}

/* Symbols whose dependencies fail are options the target (version,
 * platform, parent option) does not have: they never reach configure. */

static void translate_choice(struct kconfig *kc, struct symbol *c, bool explicit, struct translation *out)
{
	bool is_enable = starts_with(c->name, "ENABLE_");
	if (!is_enable && !starts_with(c->name, "WITH_"))
		return; /* an internal choice such as the target version */
	struct symbol *sel = choice_selection(kc, c);
	if (!sel || sym_tri(kc, c) == 0)
		return;
	size_t len = strlen(c->name);
	const char *suffix = sel->name + len + 1;
	if (!starts_with(sel->name, c->name) || sel->name[len] != '_') {
		error_at(sel->nodes[0]->loc.file, sel->nodes[0]->loc.line,
			 "choice member %s must be named %s_<VALUE>", sel->name, c->name);
		return;
	}
	if (!strcmp(suffix, "AUTO"))
		return; /* configure decides */
	if (!explicit && sel == choice_default_selection(kc, c))
		return;
	char *word = option_word(c->name + (is_enable ? 7 : 5));
	char *value = option_word(suffix);
	if (!strcmp(suffix, "YES") || !strcmp(suffix, "NO"))
		strlist_add(&out->configure_args, flag(is_enable, word, !strcmp(suffix, "YES"), NULL));
	else
		strlist_add(&out->configure_args, flag(is_enable, word, true, value));
	free(word);
	free(value);
}

static int translate_symbol(struct kconfig *kc, struct symbol *s, bool explicit, struct translation *out)
{
	const char *name = s->name;
	if (s->choice) {
		if (s->choice->members[0] == s)
			translate_choice(kc, s->choice, explicit, out);
		return 0;
	}
	if (starts_with(name, "PY_") || starts_with(name, "BUILD_") || starts_with(name, "SOURCE_") ||
	    starts_with(name, "INSTALL_"))
		return 0;
	if (!sym_applies(kc, s))
		return 0;
	const char *value = sym_str(kc, s);
	bool is_default = !strcmp(value, sym_default_str(kc, s));
	if (starts_with(name, "ENABLE_") || starts_with(name, "WITH_")) {
		bool is_enable = name[0] == 'E';
		char *word = option_word(name + (is_enable ? 7 : 5));
		if (sym_is_bool(s) && (explicit || !is_default))
			strlist_add(&out->configure_args, flag(is_enable, word, !strcmp(value, "y"), NULL));
		else if (!sym_is_bool(s) && *value && (explicit || !is_default))
			strlist_add(&out->configure_args, flag(is_enable, word, true, value));
		free(word);
		return 0;
	}
	if (starts_with(name, "ARG_")) {
		char *word = option_word(name + 4);
		if (sym_is_bool(s) && !strcmp(value, "y"))
			strlist_add(&out->configure_args, str_join("--", word, ""));
		else if (!sym_is_bool(s) && *value) {
			char *head = str_join("--", word, "=");
			strlist_add(&out->configure_args, str_join(head, value, ""));
			free(head);
		}
		free(word);
		return 0;
	}
	struct { const char *prefix; struct strlist *list; } vars[] = {
		{ "VAR_", &out->configure_args }, { "ENV_", &out->environment }, { "MAKE_", &out->make_vars },
	};
	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		if (!starts_with(name, vars[i].prefix))
			continue;
		if (*value) {
			char *head = str_join(name + strlen(vars[i].prefix), "=", "");
			strlist_add(vars[i].list, str_join(head, value, ""));
			free(head);
		}
		return 0;
	}
	if (starts_with(name, "SITE_")) {
		if (*value) {
			char *variable = lowercase(name + 5);
			strlist_add(&out->site_answers, str_join(variable, "=", value));
			free(variable);
		}
		return 0;
	}
	if (starts_with(name, "MODULE_")) {
		if (!strcmp(value, "n")) {
			char *module = lowercase(name + 7);
			strlist_add(&out->configure_args, str_join("py_cv_module_", module, "=n/a"));
			free(module);
		}
		return 0;
	}
	error_at(s->nodes[0]->loc.file, s->nodes[0]->loc.line,
		 "%s: the name says nothing about how it reaches configure or make "
		 "(expected a prefix such as ENABLE_, WITH_, ARG_, VAR_, ENV_, MAKE_, MODULE_, SITE_ or PY_)", name);
	return 1;
}

int translate(struct kconfig *kc, bool explicit, struct translation *out)
{
	memset(out, 0, sizeof *out);
	int errors = 0;
	struct symbol *s;
	for_each_defined(kc, s)
		if (strcmp(s->name, "EXTRA_CONFIGURE_ARGS"))
			errors += translate_symbol(kc, s, explicit, out);
	/* the escape hatch comes last, so it can add to what symbols emit */
	return errors + translate_extra(kc, out);
}

void translation_free(struct translation *t)
{
	strlist_free(&t->configure_args);
	strlist_free(&t->environment);
	strlist_free(&t->make_vars);
	strlist_free(&t->site_answers);
}

char *shell_quote(const char *s)
{
	bool plain = *s != '\0';
	for (const char *p = s; *p; p++)
		if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_=+./,:@%", *p))
			plain = false;
	if (plain)
		return xstrdup(s);
	/* '...' with each ' written as '\'' */
	size_t n = 3;
	for (const char *p = s; *p; p++)
		n += *p == '\'' ? 4 : 1;
	char *q = xmalloc(n), *o = q;
	*o++ = '\'';
	for (const char *p = s; *p; p++) {
		if (*p == '\'') {
			memcpy(o, "'\\''", 4);
			o += 4;
		} else {
			*o++ = *p;
		}
	}
	*o++ = '\'';
	*o = '\0';
	return q;
}
