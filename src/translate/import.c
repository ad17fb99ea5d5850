#include "translate/import.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kconfig/confio.h"
#include "translate/translate.h"
#include "translate/version.h"
#include "util/diag.h"
#include "util/strlist.h"

/* What one argument asks for: `sym` (a choice member for a choice) gets
 * `value` ("y", "n" or a string). Without a symbol, `error` says why the
 * argument is refused, or `unknown` names what the tree lacks. */
struct wish {
	struct symbol *sym;
	char *value;
	char *error;
	char *unknown;
	int index;
};

static bool starts_with(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

/* Symbols whose values come from configure's arguments; the rest belong to
 * cpyconf and keep their values across an import. */
static bool reaches_configure(const struct symbol *s)
{
	static const char *const prefixes[] = { "ENABLE_", "WITH_", "ARG_", "VAR_", "ENV_", "MODULE_" };
	for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++)
		if (starts_with(s->name, prefixes[i]))
			return true;
	return !strcmp(s->name, "EXTRA_CONFIGURE_ARGS");
}

static struct symbol *find_defined(struct kconfig *kc, const char *name)
{
	struct symbol *s = sym_find(kc, name);
	return s && s->n_nodes ? s : NULL;
}

static struct symbol *find_choice(struct kconfig *kc, const char *name)
{
	struct symbol *s;
	for_each_defined(kc, s)
		if (s->choice && s->choice->name && !strcmp(s->choice->name, name))
			return s->choice;
	return NULL;
}

static char *format(const char *fmt, ...) PRINTF_LIKE(1, 2);
static char *format(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *s = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

/* The values a choice's option takes, as configure spells them. */
static char *choice_values(const struct symbol *c)
{
	char *list = xstrdup("");
	for (int i = 0; i < c->n_members; i++) {
		const char *suffix = c->members[i]->name + strlen(c->name) + 1;
		if (!strcmp(suffix, "AUTO"))
			continue;
		char *word = option_word(suffix);
		char *longer = str_join(list, *list ? ", " : "", word);
		free(list);
		free(word);
		list = longer;
	}
	return list;
}

/* --with-foo[=v] / --without-foo for a choice WITH_FOO: the member
 * WITH_FOO_<V>; yes and no are the members _YES and _NO. */
static void wish_choice(struct kconfig *kc, struct symbol *c, const char *option, const char *value,
			struct wish *w)
{
	char *member = symbol_name("", value, strlen(value));
	char *name = str_join(c->name, "_", member);
	struct symbol *m = strcmp(member, "AUTO") ? find_defined(kc, name) : NULL;
	char *yes = str_join(c->name, "_YES", "");
	/* presence-only options act whatever their value (CONVENTIONS.md) */
	if (!m && !strcmp(member, "NO") && c->n_members == 2)
		m = find_defined(kc, yes);
	if (m && m->choice == c) {
		w->sym = m;
		w->value = xstrdup("y");
	} else {
		char *values = choice_values(c);
		w->error = format("'%s' is not a value %s takes (it takes: %s)", value, option, values);
		free(values);
	}
	free(yes);
	free(name);
	free(member);
}

/* --enable-x, --disable-x, --with-x, --without-x, with or without =value */
static void wish_feature(struct kconfig *kc, const char *word, struct wish *w)
{
	static const struct { const char *form, *prefix; bool negative; } forms[] = {
		{ "--enable-", "ENABLE_", false }, { "--disable-", "ENABLE_", true },
		{ "--with-", "WITH_", false }, { "--without-", "WITH_", true },
	};
	size_t eq = strcspn(word, "=");
	const char *given = word[eq] ? word + eq + 1 : NULL;
	for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
		size_t flen = strlen(forms[i].form);
		if (!starts_with(word, forms[i].form) || eq <= flen)
			continue;
		char *option = xstrndup(word, eq);
		if (forms[i].negative && given) {
			w->error = format("%s takes no value", option);
			free(option);
			return;
		}
		/* configure reads --without-x as x=no and a bare --with-x as x=yes */
		const char *value = forms[i].negative ? "no" : given ? given : "yes";
		char *name = symbol_name(forms[i].prefix, word + flen, eq - flen);
		struct symbol *s = find_defined(kc, name), *c = find_choice(kc, name);
		if (c) {
			wish_choice(kc, c, option, value, w);
		} else if (s && sym_is_bool(s)) {
			if (!strcmp(value, "yes") || !strcmp(value, "no")) {
				w->sym = s;
				w->value = xstrdup(value[0] == 'y' ? "y" : "n");
			} else {
				w->error = format("'%s' is not a value %s takes (it takes: yes, no)", value, option);
			}
		} else if (s) {
			w->sym = s;
			w->value = xstrdup(value);
		} else {
			w->unknown = format("no symbol %s in the tree", name);
		}
		free(name);
		free(option);
		return;
	}
}

/* --prefix=DIR and the other autoconf options: ARG_PREFIX ... */
static void wish_autoconf(struct kconfig *kc, const char *word, struct wish *w)
{
	size_t eq = strcspn(word, "=");
	char *name = symbol_name("ARG_", word + 2, eq - 2);
	struct symbol *s = find_defined(kc, name);
	if (!s)
		w->unknown = format("no symbol %s in the tree", name);
	else if (sym_is_bool(s) && word[eq])
		w->error = format("%.*s takes no value", (int)eq, word);
	else if (!sym_is_bool(s) && !word[eq])
		w->error = format("%s needs a value: %s=VALUE", word, word);
	else {
		w->sym = s;
		w->value = xstrdup(sym_is_bool(s) ? "y" : word + eq + 1);
	}
	free(name);
}

/* NAME=value: a variable (VAR_, ENV_) or a module switch (MODULE_) */
static void wish_variable(struct kconfig *kc, const char *word, struct wish *w)
{
	size_t eq = strcspn(word, "=");
	const char *value = word + eq + 1;
	const char *module = "py_cv_module_";
	if (starts_with(word, module)) {
		char *name = symbol_name("MODULE_", word + strlen(module), eq - strlen(module));
		w->sym = find_defined(kc, name);
		if (!w->sym)
			w->unknown = format("no symbol %s in the tree", name);
		else if (strcmp(value, "n/a"))
			w->error = format("'%s' is not a value %.*s takes here (it takes: n/a, which switches the module off)",
					  value, (int)eq, word);
		w->value = xstrdup("n");
		free(name);
		return;
	}
	char *var = xstrndup(word, eq);
	char *names[] = { str_join("VAR_", var, ""), str_join("ENV_", var, ""), str_join("MAKE_", var, "") };
	for (int i = 0; i < 2 && !w->sym; i++)
		w->sym = find_defined(kc, names[i]);
	if (w->sym && !*value)
		/* CFLAGS= given empty stops configure's own default, which an
		 * empty CONFIG_VAR_CFLAGS (meaning: not given) cannot say */
		w->error = format("an empty %s differs from not giving it, and CONFIG_%s cannot say that", var, w->sym->name);
	else if (w->sym)
		w->value = xstrdup(value);
	else if (find_defined(kc, names[2]))
		w->error = format("%s is a make variable in this tree: set CONFIG_%s instead", var, names[2]);
	else
		w->unknown = format("no symbol VAR_%s or ENV_%s in the tree", var, var);
	for (int i = 0; i < 3; i++)
		free(names[i]);
	free(var);
}

static void wish_for(struct kconfig *kc, const char *word, struct wish *w)
{
	if (!is_configure_argument(word)) {
		w->error = xstrdup("neither an option (--name[=value]) nor a variable (NAME=value)");
		return;
	}
	if (word[0] == '-') {
		wish_feature(kc, word, w);
		if (!w->sym && !w->error && !w->unknown)
			wish_autoconf(kc, word, w);
	} else {
		wish_variable(kc, word, w);
	}
	if (w->value && strpbrk(w->value, "\n\r") && !w->error)
		w->error = xstrdup("a value with a line break cannot be kept in a .config");
	if (w->error)
		w->sym = NULL;
}

/* ---------------------------------------------------------------------- */

bool import_pin_version(struct kconfig *kc, const char *series)
{
	struct symbol *m = version_member(kc, series);
	if (!m) {
		error_plain("CPython %s is not a version this tree covers (3.10 to 3.16)", series);
		return false;
	}
	struct symbol *c = m->choice;
	c->has_user_value = true;
	c->user_tri = 2;
	c->user_selection = m;
	m->has_user_value = true;
	m->user_tri = 2;
	kc_invalidate(kc);
	return true;
}

/* The versions in which `s` applies, given the other values: "3.13, 3.14";
 * NULL when it applies in none (its dependencies are not about the version). */
static char *versions_having(struct kconfig *kc, struct symbol *s)
{
	struct symbol *first = version_member(kc, "3.10");
	if (!first)
		return NULL;
	char *list = NULL;
	for (int i = 0; i < first->choice->n_members; i++) {
		struct symbol *m = first->choice->members[i];
		struct version_saved saved = version_try(kc, m);
		bool applies = sym_applies(kc, s);
		version_restore(kc, saved);
		if (!applies)
			continue;
		char *series = version_series(m);
		char *longer = str_join(list ? list : "", list ? ", " : "", series);
		free(list);
		free(series);
		list = longer;
	}
	return list;
}

char *import_target_version(struct kconfig *kc)
{
	char series[16];
	return xstrdup(target_series(kc, series, sizeof series) ? series : "?");
}

static void set_value(struct kconfig *kc, struct symbol *s, const char *value)
{
	s->has_user_value = true;
	if (sym_is_bool(s)) {
		s->user_tri = !strcmp(value, "y") ? 2 : 0;
		if (s->choice) {
			s->choice->has_user_value = true;
			s->choice->user_tri = 2;
			s->choice->user_selection = s;
		}
	} else {
		free(s->user_str);
		s->user_str = xstrdup(value);
	}
	kc_invalidate(kc);
}

static void clear_value(struct kconfig *kc, struct symbol *s)
{
	sym_clear_user(kc, s);
	if (s->choice)
		sym_clear_user(kc, s->choice);
}

static char *describe(const struct symbol *s, const char *value)
{
	if (sym_is_bool(s))
		return format("CONFIG_%s=%s", s->name, value);
	return format("CONFIG_%s=\"%s\"", s->name, value);
}

/* The option an argument sets, for spotting two arguments that set one */
static const void *option_key(const struct wish *w)
{
	return w->sym->choice ? (const void *)w->sym->choice : (const void *)w->sym;
}

static int compare_wishes(const void *a, const void *b)
{
	const struct wish *x = *(const struct wish *const *)a, *y = *(const struct wish *const *)b;
	uintptr_t kx = (uintptr_t)option_key(x), ky = (uintptr_t)option_key(y);
	if (kx != ky)
		return kx < ky ? -1 : 1;
	return x->index - y->index;
}

/* Marks every wish but the last of each option as overridden (the later
 * argument wins, as in configure), warning when the values differ. */
static void settle_repeats(struct wish *wishes, int n, struct import_arg *out)
{
	struct wish **mapped = xcalloc((size_t)n + 1, sizeof *mapped);
	int m = 0;
	for (int i = 0; i < n; i++)
		if (wishes[i].sym)
			mapped[m++] = &wishes[i];
	qsort(mapped, (size_t)m, sizeof *mapped, compare_wishes);
	for (int i = 0; i + 1 < m; i++) {
		struct wish *a = mapped[i], *b = mapped[i + 1];
		if (option_key(a) != option_key(b))
			continue;
		struct import_arg *oa = &out[a->index], *ob = &out[b->index];
		bool same = a->sym == b->sym && !strcmp(a->value, b->value);
		if (!same)
			warning_at(ob->where, 0, "%s overrides %s (%s); the later one wins, as in configure", ob->word,
				   oa->word, oa->where);
		oa->fate = IMPORT_OVERRIDDEN;
		oa->note = format("%s by %s (%s)", same ? "repeated" : "overridden", ob->where, ob->word);
		a->sym = NULL;
	}
	free(mapped);
}

/* Index of the ./configure word, or -1 when the words are all arguments. */
static int script_index(char *const *words, int n)
{
	for (int i = 0; i < n; i++) {
		size_t len = strlen(words[i]);
		if (!strcmp(words[i], "configure") || (len > 10 && !strcmp(words[i] + len - 10, "/configure")))
			return i;
	}
	return -1;
}

static void refuse(struct import_arg *a, char *why)
{
	error_at(a->where, 0, "%s: %s", a->word, why);
	a->fate = IMPORT_REFUSED;
	free(a->note);
	a->note = why;
}

static void map_all(struct kconfig *kc, char *const *words, int n, bool keep_unknown, struct wish *wishes,
		    struct import_arg *out, struct strlist *kept)
{
	int script = script_index(words, n);
	for (int i = 0; i < n; i++) {
		struct import_arg *a = &out[i];
		struct wish *w = &wishes[i];
		w->index = i;
		if (i == script || (i < script && i == 0 && !strcmp(words[i], "env"))) {
			a->fate = IMPORT_SCRIPT;
			continue;
		}
		if (i < script && (words[i][0] == '-' || !is_configure_argument(words[i]))) {
			refuse(a, format("only NAME=value words may come before %s", words[script]));
			continue;
		}
		wish_for(kc, words[i], w);
		if (w->error) {
			refuse(a, w->error);
			w->error = NULL;
		} else if (w->unknown && keep_unknown) {
			warning_at(a->where, 0, "%s: %s; kept in CONFIG_EXTRA_CONFIGURE_ARGS", a->word, w->unknown);
			a->fate = IMPORT_KEPT;
			a->note = format("kept in CONFIG_EXTRA_CONFIGURE_ARGS (%s)", w->unknown);
			strlist_add(kept, shell_quote(words[i]));
		} else if (w->unknown) {
			refuse(a, format("unknown option: %s (--keep-unknown passes it on in CONFIG_EXTRA_CONFIGURE_ARGS)",
					 w->unknown));
		}
		free(w->unknown);
		w->unknown = NULL;
	}
}

/* An option the target version lacks is an error of its own, naming the
 * versions that have it; other unmet rules are left to the engine. */
static void check_versions(struct kconfig *kc, struct wish *wishes, int n, struct import_arg *out)
{
	for (int i = 0; i < n; i++) {
		struct wish *w = &wishes[i];
		if (!w->sym || sym_applies(kc, w->sym))
			continue;
		char *versions = versions_having(kc, w->sym);
		if (!versions)
			continue;
		char *series = import_target_version(kc);
		refuse(&out[i], format("unknown to CPython %s: CONFIG_%s is an option of %s (see --version)", series,
				       w->sym->name, versions));
		free(series);
		free(versions);
		clear_value(kc, w->sym);
		w->sym = NULL;
	}
}

/* An option whose symbol does not apply to this config (another target
 * platform, say) can still reach configure through the escape hatch. */
static void keep_inactive(struct kconfig *kc, struct wish *wishes, int n, struct import_arg *out,
			  struct strlist *kept)
{
	for (int i = 0; i < n; i++) {
		struct wish *w = &wishes[i];
		if (!w->sym || sym_applies(kc, w->sym))
			continue;
		struct import_arg *a = &out[i];
		char expr[512];
		expr_print(w->sym->direct_dep, expr, sizeof expr);
		a->fate = IMPORT_KEPT;
		a->note = format("kept in CONFIG_EXTRA_CONFIGURE_ARGS (CONFIG_%s does not apply here: %s)", w->sym->name,
				 expr);
		warning_at(a->where, 0, "%s: CONFIG_%s does not apply to this config (%s); kept in CONFIG_EXTRA_CONFIGURE_ARGS",
			   a->word, w->sym->name, expr);
		strlist_add(kept, shell_quote(a->word));
		clear_value(kc, w->sym);
		w->sym = NULL;
	}
}

static void check_rules(struct kconfig *kc, struct wish *wishes, int n, struct import_arg *out)
{
	for (int i = 0; i < n; i++) {
		struct wish *w = &wishes[i];
		if (!w->sym)
			continue;
		struct import_arg *a = &out[i];
		int before = diag_errors;
		config_check_honored(kc, true, a->where, 0, w->sym, w->value);
		a->result = describe(w->sym, w->value);
		if (diag_errors != before) {
			a->fate = IMPORT_REFUSED;
			a->note = xstrdup("breaks a rule of the tree (see the error)");
			continue;
		}
		struct symbol *c = w->sym->choice;
		bool implied = c ? choice_default_selection(kc, c) == w->sym
				 : !strcmp(sym_str(kc, w->sym), sym_default_str(kc, w->sym));
		a->fate = implied ? IMPORT_IMPLIED : IMPORT_SET;
	}
}

int import_words(struct kconfig *kc, char *const *words, char *const *where, int n, bool keep_unknown,
		 struct import_arg *out)
{
	int errors_before = diag_errors;
	struct symbol *s;
	for_each_defined(kc, s)
		if (reaches_configure(s))
			clear_value(kc, s);
	struct wish *wishes = xcalloc((size_t)n + 1, sizeof *wishes);
	struct strlist kept = { 0 };
	for (int i = 0; i < n; i++)
		out[i] = (struct import_arg){ .word = words[i], .where = where[i] };
	map_all(kc, words, n, keep_unknown, wishes, out, &kept);
	settle_repeats(wishes, n, out);
	for (int i = 0; i < n; i++)
		if (wishes[i].sym)
			set_value(kc, wishes[i].sym, wishes[i].value);
	check_versions(kc, wishes, n, out);
	if (keep_unknown)
		keep_inactive(kc, wishes, n, out, &kept);
	check_rules(kc, wishes, n, out);
	struct symbol *extra = find_defined(kc, "EXTRA_CONFIGURE_ARGS");
	if (kept.n && extra) {
		char *joined = xstrdup("");
		for (int i = 0; i < kept.n; i++) {
			char *longer = str_join(joined, i ? " " : "", kept.items[i]);
			free(joined);
			joined = longer;
		}
		set_value(kc, extra, joined);
		free(joined);
	}
	/* the translator checks the escape hatch and the names once more */
	struct translation t;
	translate(kc, false, &t);
	translation_free(&t);
	for (int i = 0; i < n; i++)
		free(wishes[i].value);
	free(wishes);
	strlist_free(&kept);
	return diag_errors - errors_before;
}

void import_args_free(struct import_arg *args, int n)
{
	for (int i = 0; i < n; i++) {
		free(args[i].result);
		free(args[i].note);
	}
}
