#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kconfig/kconfig.h"
#include "kconfig/menu.h"
#include "kconfig/parse.h"
#include "util/diag.h"

static unsigned hash_text(const char *s)
{
	unsigned h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static unsigned hash_name(const char *s)
{
	return hash_text(s) % SYM_HASH_SIZE;
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

struct symbol *choice_lookup(struct kconfig *kc, const char *name, bool *created)
{
	struct symbol **chain = name ? &kc->choices[hash_text(name) % CHOICE_HASH_SIZE] : &kc->anon_choices;
	for (struct symbol *c = name ? *chain : NULL; c; c = c->hash_next) {
		if (!strcmp(c->name, name)) {
			*created = false;
			return c;
		}
	}
	struct symbol *c = xcalloc(1, sizeof *c);
	c->name = xstrdup(name ? name : "<choice>");
	c->is_choice = true;
	c->hash_next = *chain;
	*chain = c;
	*created = true;
	return c;
}

void sym_add_node(struct symbol *s, struct menu *m)
{
	if (s->n_nodes == s->cap_nodes) {
		s->cap_nodes = s->cap_nodes ? 2 * s->cap_nodes : 2;
		s->nodes = xrealloc(s->nodes, (size_t)s->cap_nodes * sizeof *s->nodes);
	}
	s->nodes[s->n_nodes++] = m;
}

/* Slots stay at most half full, so a probe ends quickly at an empty one. */
static void intern_grow(struct intern_table *t)
{
	free(t->slots);
	t->n_slots = t->n_slots ? 2 * t->n_slots : 64;
	t->slots = xcalloc((size_t)t->n_slots, sizeof *t->slots);
	for (int i = 0; i < t->n; i++) {
		unsigned h = hash_text(t->strings[i]) & (unsigned)(t->n_slots - 1);
		while (t->slots[h])
			h = (h + 1) & (unsigned)(t->n_slots - 1);
		t->slots[h] = i + 1;
	}
}

const char *kc_intern(struct kconfig *kc, const char *s)
{
	struct intern_table *t = &kc->interned;
	if (2 * (t->n + 1) > t->n_slots)
		intern_grow(t);
	unsigned h = hash_text(s) & (unsigned)(t->n_slots - 1);
	for (; t->slots[h]; h = (h + 1) & (unsigned)(t->n_slots - 1))
		if (!strcmp(t->strings[t->slots[h] - 1], s))
			return t->strings[t->slots[h] - 1];
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 64;
		t->strings = xrealloc(t->strings, (size_t)t->cap * sizeof *t->strings);
	}
	t->strings[t->n] = xstrdup(s);
	t->slots[h] = ++t->n;
	return t->strings[t->n - 1];
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
	/* Like Kconfiglib, whatever `option modules` says */
	kc->modules = sym_lookup(kc, "MODULES");
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
	free(s->nodes);
	free(s->user_str);
	free(s->str_cache);
	free(s);
}

static void free_menus(struct menu *m)
{
	while (m) {
		struct menu *next = m->next;
		free_menus(m->list);
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
	for (int i = 0; i < CHOICE_HASH_SIZE + 1; i++) {
		struct symbol *s = i < CHOICE_HASH_SIZE ? kc->choices[i] : kc->anon_choices;
		for (struct symbol *next; s; s = next) {
			next = s->hash_next;
			free_symbol(s);
		}
	}
	for (int i = 0; i < kc->interned.n; i++)
		free(kc->interned.strings[i]);
	free(kc->interned.strings);
	free(kc->interned.slots);
	free(kc->eval_order);
	free(kc->mainmenu);
	free(kc->srctree);
	free(kc);
}
