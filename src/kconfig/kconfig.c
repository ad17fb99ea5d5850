#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kconfig/kconfig.h"
#include "kconfig/menu.h"
#include "kconfig/parse.h"
#include "util/diag.h"

static unsigned hash_name(const char *s)
{
	unsigned h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h % SYM_HASH_SIZE;
}

struct symbol *sym_find(struct kconfig *kc, const char *name)
{
	for (struct symbol *s = kc->hash[hash_name(name)]; s; s = s->hash_next)
		if (!strcmp(s->name, name))
			return s;
	return NULL;
}

static struct symbol *new_symbol(struct kconfig *kc, const char *name, bool is_const)
{
	struct symbol *s = xcalloc(1, sizeof *s);
	s->name = xstrdup(name);
	s->is_const = is_const;
	if (!is_const) {
		unsigned h = hash_name(name);
		s->hash_next = kc->hash[h];
		kc->hash[h] = s;
	} else {
		/* constants are not looked up by name; keep them for freeing */
		s->hash_next = kc->consts;
		kc->consts = s;
	}
	return s;
}

struct symbol *sym_lookup(struct kconfig *kc, const char *name)
{
	if (!strcmp(name, "y"))
		return kc->sym_y;
	if (!strcmp(name, "m"))
		return kc->sym_m;
	if (!strcmp(name, "n"))
		return kc->sym_n;
	struct symbol *s = sym_find(kc, name);
	return s ? s : new_symbol(kc, name, false);
}

struct symbol *sym_const(struct kconfig *kc, const char *text)
{
	if (!strcmp(text, "y") || !strcmp(text, "m") || !strcmp(text, "n"))
		return sym_lookup(kc, text);
	return new_symbol(kc, text, true);
}

const char *kc_intern(struct kconfig *kc, const char *s)
{
	for (int i = 0; i < kc->n_interned; i++)
		if (!strcmp(kc->interned[i], s))
			return kc->interned[i];
	kc->interned = xrealloc(kc->interned, (size_t)(kc->n_interned + 1) * sizeof *kc->interned);
	return kc->interned[kc->n_interned++] = xstrdup(s);
}

const char *type_name(enum sym_type t)
{
	static const char *const names[] = { "unknown", "bool", "tristate", "string", "int", "hex" };
	return names[t];
}

bool sym_is_bool(const struct symbol *s)
{
	return s->type == TYPE_BOOL || s->type == TYPE_TRISTATE;
}

static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? xstrndup(path, slash == path ? 1 : (size_t)(slash - path)) : xstrdup(".");
}

struct kconfig *kconfig_load(const char *path)
{
	struct kconfig *kc = xcalloc(1, sizeof *kc);
	kc->root.kind = M_ROOT;
	kc->sym_y = new_symbol(kc, "y", true);
	kc->sym_m = new_symbol(kc, "m", true);
	kc->sym_n = new_symbol(kc, "n", true);
	kc->sym_y->type = kc->sym_m->type = kc->sym_n->type = TYPE_TRISTATE;
	kc->gen = 1;
	/* Like both reference tools: `source` paths are relative to $srctree,
	 * else to the folder of the top Kconfig file. */
	const char *srctree = getenv("srctree");
	kc->srctree = srctree && *srctree ? xstrdup(srctree) : dir_of(path);

	int errors_before = diag_errors;
	struct parse_state ps = { .kc = kc, .parent = &kc->root };
	if (lexer_init(&ps, path) == 0) {
		kconfig_parse(&ps);
		lexer_destroy(&ps);
		if (diag_errors == errors_before)
			menu_finish(&ps);
	}
	if (diag_errors != errors_before) {
		kconfig_free(kc);
		return NULL;
	}
	return kc;
}

static void free_props(struct property *p)
{
	while (p) {
		struct property *next = p->next;
		expr_free(p->value);
		expr_free(p->cond);
		free(p);
		p = next;
	}
}

static void free_symbol(struct symbol *s)
{
	free(s->name);
	free(s->env_var);
	free_props(s->defaults);
	free_props(s->ranges);
	free_props(s->selects);
	free_props(s->implies);
	expr_free(s->direct_dep);
	expr_free(s->rev_dep);
	expr_free(s->weak_rev_dep);
	free(s->members);
	free(s->user_str);
	free(s->str_cache);
	free(s);
}

static void free_menus(struct menu *m)
{
	while (m) {
		struct menu *next = m->next;
		free_menus(m->list);
		if (m->kind == M_CHOICE)
			free_symbol(m->sym);
		free(m->prompt);
		free(m->help);
		expr_free(m->prompt_cond);
		expr_free(m->dep);
		expr_free(m->visible_if);
		free_props(m->defaults);
		free_props(m->ranges);
		free_props(m->selects);
		free_props(m->implies);
		free(m);
		m = next;
	}
}

void kconfig_free(struct kconfig *kc)
{
	if (!kc)
		return;
	free_menus(kc->root.list);
	for (int i = 0; i < SYM_HASH_SIZE; i++) {
		for (struct symbol *s = kc->hash[i], *next; s; s = next) {
			next = s->hash_next;
			free_symbol(s);
		}
	}
	for (struct symbol *s = kc->consts, *next; s; s = next) {
		next = s->hash_next;
		free_symbol(s);
	}
	for (int i = 0; i < kc->n_interned; i++)
		free(kc->interned[i]);
	free(kc->interned);
	free(kc->eval_order);
	free(kc->mainmenu);
	free(kc->srctree);
	free(kc);
}
