#include "kconfig/menu.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/diag.h"

static struct location here(struct parse_state *ps)
{
	return (struct location){ ps->file, ps->token_line };
}

static struct menu *new_node(struct parse_state *ps, enum menu_kind kind)
{
	struct menu *m = xcalloc(1, sizeof *m);
	m->kind = kind;
	m->loc = here(ps);
	m->parent = ps->parent;
	if (ps->parent->last)
		ps->parent->last->next = m;
	else
		ps->parent->list = m;
	ps->parent->last = m;
	return m;
}

static const char *kind_name(enum menu_kind kind)
{
	switch (kind) {
	case M_MENU: return "menu";
	case M_CONFIG: return "config";
	case M_MENUCONFIG: return "menuconfig";
	case M_CHOICE: return "choice";
	case M_COMMENT: return "comment";
	case M_IF: return "if";
	default: return "top level";
	}
}

/* The entry that attribute lines apply to, if it is one of `kinds`. */
static struct menu *entry_for(struct parse_state *ps, const char *what, unsigned kinds)
{
	struct menu *e = ps->entry;
	if (!e || !(kinds & (1u << e->kind))) {
		error_at(ps->file, ps->token_line, "'%s' is not allowed %s%s", what,
			 e ? "in a " : "outside an entry", e ? kind_name(e->kind) : "");
		return NULL;
	}
	return e;
}

#define K(kind) (1u << (kind))
#define SYMBOL_ENTRIES (K(M_CONFIG) | K(M_MENUCONFIG))

void menu_mainmenu(struct parse_state *ps, char *prompt)
{
	/* Kconfiglib takes it anywhere, the last one counting;
	 * kconfig-frontends 4.11 only once, first */
	if (ps->kc->mainmenu)
		warning_at(ps->file, ps->token_line, "a second 'mainmenu'; the last one counts");
	free(ps->kc->mainmenu);
	ps->kc->mainmenu = prompt;
}

void menu_add_config(struct parse_state *ps, char *name, enum menu_kind kind)
{
	struct kconfig *kc = ps->kc;
	struct symbol *s = sym_lookup(kc, name);
	ps->entry = NULL;
	if (s->is_const) {
		error_at(ps->file, ps->token_line, "'%s' is a constant and cannot be defined", name);
		free(name);
		return;
	}
	free(name);
	struct menu *m = new_node(ps, kind);
	m->sym = s;
	sym_add_node(s, m);
	if (s->n_nodes == 1) {
		if (kc->defined_last)
			kc->defined_last->list_next = s;
		else
			kc->defined_first = s;
		kc->defined_last = s;
	}
	ps->entry = m;
}

/* Counts a block that opens; false (reported once) beyond the limit. */
static bool open_block(struct parse_state *ps, const char *keyword)
{
	if (ps->nesting < MAX_BLOCK_NESTING && !ps->too_deep) {
		ps->nesting++;
		return true;
	}
	if (!ps->too_deep++)
		error_at(ps->file, ps->token_line, "'%s' nested deeper than %d blocks (if, menu, choice)", keyword,
			 MAX_BLOCK_NESTING);
	ps->entry = NULL;
	return false;
}

void menu_add_menu(struct parse_state *ps, char *prompt)
{
	if (!open_block(ps, "menu")) {
		free(prompt);
		return;
	}
	struct menu *m = new_node(ps, M_MENU);
	m->prompt = prompt;
	ps->parent = m;
	ps->entry = m;
	for (struct menu *p = m->parent; p; p = p->parent)
		if (p->kind == M_CHOICE)
			error_at(ps->file, ps->token_line, "'menu' is not allowed inside a choice");
}

void menu_add_choice(struct parse_state *ps, char *name)
{
	if (!open_block(ps, "choice")) {
		free(name);
		return;
	}
	struct menu *m = new_node(ps, M_CHOICE);
	bool created;
	struct symbol *c = choice_lookup(ps->kc, name, &created);
	free(name);
	sym_add_node(c, m);
	m->sym = c;
	ps->parent = m;
	ps->entry = m;
}

void menu_add_comment(struct parse_state *ps, char *prompt)
{
	struct menu *m = new_node(ps, M_COMMENT);
	m->prompt = prompt;
	ps->entry = m;
}

void menu_add_if(struct parse_state *ps, struct expr *cond)
{
	if (!open_block(ps, "if")) {
		expr_free(cond);
		return;
	}
	struct menu *m = new_node(ps, M_IF);
	m->dep = expr_transform_m(ps->kc, cond);
	ps->parent = m;
	ps->entry = NULL;
}

void menu_end_block(struct parse_state *ps, enum menu_kind kind, const char *keyword)
{
	ps->entry = NULL;
	if (ps->too_deep) {
		ps->too_deep--;
		return;
	}
	struct menu *open = ps->parent;
	if (open->kind == kind) {
		ps->parent = open->parent;
		ps->nesting--;
		return;
	}
	if (open->kind == M_ROOT)
		error_at(ps->file, ps->token_line, "'%s' without a matching '%s'", keyword, kind_name(kind));
	else
		error_at(ps->file, ps->token_line, "'%s' does not close the '%s' opened at %s:%d",
			 keyword, kind_name(open->kind), open->loc.file, open->loc.line);
}

void menu_source(struct parse_state *ps, char *path, int flags)
{
	ps->entry = NULL;
	lexer_source(ps, path, flags, ps->token_line);
	free(path);
}

static void set_type(struct parse_state *ps, struct menu *e, enum sym_type type)
{
	struct symbol *s = e->sym;
	if (s->is_choice && type != TYPE_BOOL && type != TYPE_TRISTATE) {
		error_at(ps->file, ps->token_line, "a choice must be bool or tristate");
		return;
	}
	if (s->type != TYPE_UNKNOWN && s->type != type)
		error_at(ps->file, ps->token_line, "%s redefined as %s, it was %s", s->name,
			 type_name(type), type_name(s->type));
	else
		s->type = type;
}

static void set_prompt(struct parse_state *ps, struct menu *e, char *prompt, struct expr *cond)
{
	if (e->prompt) {
		error_at(ps->file, ps->token_line, "a second prompt for %s", e->sym->name);
		free(prompt);
		expr_free(cond);
		return;
	}
	e->prompt = prompt;
	e->prompt_cond = expr_transform_m(ps->kc, cond);
}

static void add_property(struct property **list, struct property *p)
{
	while (*list)
		list = &(*list)->next;
	*list = p;
}

static struct property *new_property(struct parse_state *ps, struct expr *value, struct expr *cond)
{
	struct property *p = xcalloc(1, sizeof *p);
	p->value = value;
	p->cond = expr_transform_m(ps->kc, cond);
	p->loc = here(ps);
	return p;
}

void menu_type(struct parse_state *ps, enum sym_type type, char *prompt, struct expr *cond)
{
	struct menu *e = entry_for(ps, type_name(type), SYMBOL_ENTRIES | K(M_CHOICE));
	if (!e) {
		free(prompt);
		expr_free(cond);
		return;
	}
	set_type(ps, e, type);
	if (prompt)
		set_prompt(ps, e, prompt, cond);
	else
		expr_free(cond);
}

void menu_def_type(struct parse_state *ps, enum sym_type type, struct expr *value, struct expr *cond)
{
	char what[16];
	snprintf(what, sizeof what, "def_%s", type_name(type));
	struct menu *e = entry_for(ps, what, SYMBOL_ENTRIES);
	if (!e) {
		expr_free(value);
		expr_free(cond);
		return;
	}
	set_type(ps, e, type);
	add_property(&e->defaults, new_property(ps, value, cond));
}

void menu_prompt(struct parse_state *ps, char *prompt, struct expr *cond)
{
	struct menu *e = entry_for(ps, "prompt", SYMBOL_ENTRIES | K(M_CHOICE));
	if (!e) {
		free(prompt);
		expr_free(cond);
		return;
	}
	set_prompt(ps, e, prompt, cond);
}

void menu_default(struct parse_state *ps, struct expr *value, struct expr *cond)
{
	struct menu *e = entry_for(ps, "default", SYMBOL_ENTRIES | K(M_CHOICE));
	if (!e) {
		expr_free(value);
		expr_free(cond);
		return;
	}
	add_property(&e->defaults, new_property(ps, value, cond));
}

void menu_depends(struct parse_state *ps, struct expr *dep)
{
	struct menu *e = entry_for(ps, "depends on", SYMBOL_ENTRIES | K(M_CHOICE) | K(M_MENU) | K(M_COMMENT));
	if (!e) {
		expr_free(dep);
		return;
	}
	e->dep = expr_and(e->dep, expr_transform_m(ps->kc, dep));
}

void menu_select(struct parse_state *ps, char *target, struct expr *cond, bool imply)
{
	struct menu *e = entry_for(ps, imply ? "imply" : "select", SYMBOL_ENTRIES);
	struct symbol *t = sym_lookup(ps->kc, target);
	free(target);
	if (!e) {
		expr_free(cond);
		return;
	}
	add_property(imply ? &e->implies : &e->selects, new_property(ps, expr_sym(t), cond));
}

void menu_visible(struct parse_state *ps, struct expr *cond)
{
	struct menu *e = entry_for(ps, "visible if", K(M_MENU));
	if (!e) {
		expr_free(cond);
		return;
	}
	e->visible_if = expr_and(e->visible_if, expr_transform_m(ps->kc, cond));
}

void menu_range(struct parse_state *ps, struct symbol *low, struct symbol *high, struct expr *cond)
{
	struct menu *e = entry_for(ps, "range", SYMBOL_ENTRIES);
	if (!e) {
		expr_free(cond);
		return;
	}
	struct property *p = new_property(ps, NULL, cond);
	p->low = low;
	p->high = high;
	add_property(&e->ranges, p);
}

void menu_help(struct parse_state *ps, char *text)
{
	struct menu *e = entry_for(ps, "help", SYMBOL_ENTRIES | K(M_CHOICE));
	if (!e) {
		free(text);
		return;
	}
	if (e->help) {
		error_at(ps->file, ps->token_line, "a second help text for %s", e->sym->name);
		free(text);
		return;
	}
	e->help = text;
}

void menu_option(struct parse_state *ps, char *name, char *value)
{
	struct menu *e = entry_for(ps, "option", SYMBOL_ENTRIES);
	if (e && !strcmp(name, "env") && value) {
		const char *env = getenv(value);
		e->sym->env_var = value;
		/* Like kconfig-frontends: the variable's value at parse time is a
		 * default; an unset variable gives the empty string. */
		add_property(&e->defaults, new_property(ps, expr_sym(sym_const(ps->kc, env ? env : "")), NULL));
		value = NULL;
	} else if (e && !strcmp(name, "modules") && !value) {
		/* Kconfiglib takes MODULES as the modules symbol whatever the
		 * option says (kconfig-conf takes the symbol with the option) */
		if (ps->kc->modules != e->sym)
			warning_at(ps->file, ps->token_line,
				   "option modules on %s: as in Kconfiglib, only MODULES lets tristates be m", e->sym->name);
	} else if (e && !strcmp(name, "allnoconfig_y") && !value) {
		e->sym->allnoconfig_y = true;
	} else if (e && !strcmp(name, "defconfig_list") && !value) {
		/* Its defaults name the files to start from when there is no
		 * .config. Every cpyconf command names its config, which it
		 * reads or starts empty, so the symbol is only kept out of the
		 * .config, as in both reference tools. */
		if (!ps->kc->defconfig_list)
			ps->kc->defconfig_list = e->sym;
	} else if (e) {
		error_at(ps->file, ps->token_line,
			 "option '%s' is not supported; only env=\"VAR\", modules, allnoconfig_y and defconfig_list are",
			 name);
	}
	free(name);
	free(value);
}

void menu_optional(struct parse_state *ps)
{
	struct menu *e = entry_for(ps, "optional", K(M_CHOICE));
	if (e)
		e->sym->optional = true;
}

/* ---- after parsing ---- */

/* Give each node its full dependencies and move its properties, with those
 * dependencies added to their conditions, into its symbol. */
static void propagate(struct kconfig *kc, struct menu *parent, const struct expr *visible_if)
{
	const struct expr *base = parent->dep;
	struct expr *choice_dep = parent->kind == M_CHOICE ? expr_sym(parent->sym) : NULL;
	if (choice_dep)
		base = choice_dep;
	for (struct menu *m = parent->list; m; m = m->next) {
		m->dep = expr_and(m->dep, expr_copy(base));
		struct symbol *s = m->sym;
		if (s) {
			if (m->prompt)
				m->prompt_cond = expr_and(m->prompt_cond,
							  expr_and(expr_copy(visible_if), expr_copy(m->dep)));
			struct property **lists[] = { &m->defaults, &m->ranges, &m->selects, &m->implies };
			struct property **sym_lists[] = { &s->defaults, &s->ranges, &s->selects, &s->implies };
			for (int i = 0; i < 4; i++) {
				for (struct property *p = *lists[i]; p; p = p->next)
					p->cond = expr_and(p->cond, expr_copy(m->dep));
				add_property(sym_lists[i], *lists[i]);
				*lists[i] = NULL;
			}
			s->direct_dep = m == s->nodes[0] ? expr_copy(m->dep)
				: expr_or(s->direct_dep, expr_copy(m->dep));
		} else if (m->prompt) {
			m->prompt_cond = expr_copy(m->dep);
		}
		if (m->list) {
			struct expr *vis = expr_and(expr_copy(visible_if), expr_copy(m->visible_if));
			propagate(kc, m, vis);
			expr_free(vis);
		}
	}
	expr_free(choice_dep);
}

static void check_symbol(struct symbol *s)
{
	struct location loc = s->nodes[0]->loc;
	if (s->choice && s->type == TYPE_UNKNOWN)
		s->type = s->choice->type;
	if (s->type == TYPE_UNKNOWN) {
		/* as Kconfiglib: it reads as n (as text, its name) and is
		 * never written */
		warning_at(loc.file, loc.line, "%s has no type (bool, tristate, string, int or hex); it is ignored",
			   s->name);
		return;
	}
	if (s->choice && !sym_is_bool(s))
		error_at(loc.file, loc.line, "choice member %s must be bool or tristate", s->name);
	for (struct property *p = s->defaults; p; p = p->next) {
		if (sym_is_bool(s))
			continue;
		if (p->value->op != E_SYMBOL) {
			error_at(p->loc.file, p->loc.line, "the default of %s %s must be a single value, not an expression",
				 type_name(s->type), s->name);
			continue;
		}
		struct symbol *v = p->value->lsym;
		long long n;
		if (v->is_const && (s->type == TYPE_INT || s->type == TYPE_HEX) &&
		    !parse_number(v->name, s->type == TYPE_INT ? 10 : 16, &n))
			error_at(p->loc.file, p->loc.line, "default '%s' of %s is not a valid %s",
				 v->name, s->name, type_name(s->type));
	}
	if (s->ranges && s->type != TYPE_INT && s->type != TYPE_HEX)
		error_at(s->ranges->loc.file, s->ranges->loc.line, "'range' is only for int and hex symbols, %s is %s",
			 s->name, type_name(s->type));
	for (struct property *p = s->ranges; p; p = p->next) {
		struct symbol *bounds[] = { p->low, p->high };
		for (int i = 0; i < 2; i++) {
			long long n;
			if (bounds[i]->type == TYPE_UNKNOWN &&
			    !parse_number(bounds[i]->name, s->type == TYPE_HEX ? 16 : 10, &n))
				warning_at(p->loc.file, p->loc.line,
					   "range bound '%s' of %s is neither a number nor a defined symbol; it counts as 0",
					   bounds[i]->name, s->name);
		}
	}
	struct property *lists[] = { s->selects, s->implies };
	for (int i = 0; i < 2; i++) {
		for (struct property *p = lists[i]; p; p = p->next) {
			struct symbol *t = p->value->lsym;
			if (!sym_is_bool(s))
				error_at(p->loc.file, p->loc.line, "only bool and tristate symbols can %s; %s is %s",
					 i ? "imply" : "select", s->name, type_name(s->type));
			else if (t->n_nodes == 0)
				warning_at(p->loc.file, p->loc.line, "%s %s an undefined symbol %s",
					   s->name, i ? "implies" : "selects", t->name);
			else if (!sym_is_bool(t))
				error_at(p->loc.file, p->loc.line, "%s %s %s, which is %s; only bool and tristate can be",
					 s->name, i ? "implies" : "selects", t->name, type_name(t->type));
			else if (t->choice)
				warning_at(p->loc.file, p->loc.line, "%s %s choice member %s, which has no effect",
					   s->name, i ? "implies" : "selects", t->name);
		}
	}
}

static bool is_const_named(const struct symbol *s, const char *name)
{
	return s && s->is_const && !strcmp(s->name, name);
}

/* Whether `e` can only be true when `s` is: s, s && ..., s = y/m, s != n
 * (the rule the C tools and Kconfiglib use to nest an entry under the
 * one before it). */
static bool depends_on_symbol(const struct expr *e, const struct symbol *s)
{
	if (!e)
		return false;
	switch (e->op) {
	case E_SYMBOL:
		return e->lsym == s;
	case E_AND:
		/* along the left spine by a loop (see expr.c) */
		for (; e->op == E_AND; e = e->left) {
			if (depends_on_symbol(e->right, s))
				return true;
		}
		return depends_on_symbol(e, s);
	case E_EQ:
		return (e->lsym == s && (is_const_named(e->rsym, "y") || is_const_named(e->rsym, "m"))) ||
		       (e->rsym == s && (is_const_named(e->lsym, "y") || is_const_named(e->lsym, "m")));
	case E_NE:
		return (e->lsym == s && is_const_named(e->rsym, "n")) || (e->rsym == s && is_const_named(e->lsym, "n"));
	default:
		return false;
	}
}

static void check_choice(struct symbol *c)
{
	struct location loc = c->nodes[0]->loc;
	/* without a type of its own, the type of its first typed member */
	for (int i = 0; i < c->n_members && c->type == TYPE_UNKNOWN; i++)
		c->type = c->members[i]->type;
	if (c->type == TYPE_UNKNOWN)
		c->type = TYPE_BOOL;
	for (struct property *p = c->defaults; p; p = p->next) {
		struct symbol *d = p->value->op == E_SYMBOL ? p->value->lsym : NULL;
		if (!d || d->choice != c)
			error_at(p->loc.file, p->loc.line, "the default of a choice must be one of its members");
	}
	if (c->ranges || c->selects || c->implies)
		error_at(loc.file, loc.line, "a choice cannot have range, select or imply");
}

/* ---- choice members ----
 * Like the C tools, Kconfiglib moves the entries that follow a symbol and
 * depend on it under that symbol (an implicit submenu), then lifts the
 * children of entries without a prompt back to their level. Only the
 * symbols left directly in a choice (or in an `if` in it) are its
 * members: in `choice / A / B depends on A`, B is an ordinary bool that
 * depends on A. Elsewhere the move changes no value, so only the
 * contents of choices are rearranged. */

static void nest_list(struct menu *parent);

/* The condition Kconfiglib looks at: the prompt's, else the entry's. */
static bool nests_under(const struct menu *m, const struct symbol *s)
{
	return depends_on_symbol(m->prompt ? m->prompt_cond : m->dep, s);
}

/* The children of entries without a prompt move up after them. */
static void flatten(struct menu *m)
{
	for (; m; m = m->next) {
		if (!m->list || m->prompt || m->kind == M_CHOICE)
			continue;
		struct menu *last = m->list;
		for (;; last = last->next) {
			last->parent = m->parent;
			if (!last->next)
				break;
		}
		last->next = m->next;
		m->next = m->list;
		m->list = NULL;
	}
}

static void nest_entry(struct menu *m)
{
	if (m->kind == M_IF) {
		nest_list(m);
		return;
	}
	if (!m->sym || m->sym->is_choice || m->list)
		return;
	struct menu *cur = m;
	while (cur->next && nests_under(cur->next, m->sym)) {
		nest_entry(cur->next);
		cur = cur->next;
		cur->parent = m;
	}
	if (cur != m) {
		m->list = m->next;
		m->next = cur->next;
		cur->next = NULL;
		flatten(m->list);
	}
}

static void nest_list(struct menu *parent)
{
	for (struct menu *m = parent->list; m; m = m->next)
		nest_entry(m);
	flatten(parent->list);
}

static void add_members(struct menu *list, struct symbol *c)
{
	for (struct menu *m = list; m; m = m->next) {
		if (m->kind == M_IF) {
			add_members(m->list, c);
			continue;
		}
		struct symbol *s = m->sym;
		if (!s || s->is_choice || s->choice == c)
			continue;
		if (s->choice) {
			error_at(m->loc.file, m->loc.line, "%s is already a member of another choice", s->name);
			continue;
		}
		s->choice = c;
		c->members = xrealloc(c->members, (size_t)(c->n_members + 1) * sizeof *c->members);
		c->members[c->n_members++] = s;
	}
}

static void find_members(struct menu *m)
{
	for (; m; m = m->next) {
		if (m->kind == M_CHOICE) {
			nest_list(m);
			add_members(m->list, m->sym);
		}
		find_members(m->list);
	}
}

/* Reverse dependencies from select and imply, collected once every
 * symbol's properties are complete. */
static void add_reverse_deps(struct kconfig *kc)
{
	struct symbol *s;
	for_each_defined(kc, s) {
		for (struct property *p = s->selects; p; p = p->next) {
			struct symbol *t = p->value->lsym;
			if (t->choice) /* only the choice's selection counts */
				continue;
			t->rev_dep = t->rev_dep ? expr_or(t->rev_dep, expr_and(expr_sym(s), expr_copy(p->cond)))
				: expr_and(expr_sym(s), expr_copy(p->cond));
		}
		for (struct property *p = s->implies; p; p = p->next) {
			struct symbol *t = p->value->lsym;
			if (t->choice)
				continue;
			t->weak_rev_dep = t->weak_rev_dep ? expr_or(t->weak_rev_dep, expr_and(expr_sym(s), expr_copy(p->cond)))
				: expr_and(expr_sym(s), expr_copy(p->cond));
		}
	}
}

static void collect_choices(struct menu *m, void (*fn)(struct symbol *))
{
	for (; m; m = m->next) {
		if (m->kind == M_CHOICE && m->sym->nodes[0] == m)
			fn(m->sym);
		collect_choices(m->list, fn);
	}
}

/* ---- dependency loops ---- */

enum { DFS_NEW, DFS_ACTIVE, DFS_DONE };

/* How long a chain of symbols, each depending on the next, may be. The
 * loop check below and a value's first computation recurse once per
 * symbol of a chain; this keeps that well inside the C stack, ASan's
 * larger frames included (README: Limits). */
#define MAX_DEPENDENCY_DEPTH 5000

struct dfs {
	struct symbol **path; /* the symbols being visited, outermost first */
	int depth, cap;
	bool found;
	struct symbol **order; /* finished symbols: dependencies first */
	int n_order, cap_order;
};

static void dfs_visit(struct dfs *d, struct symbol *s);

static void dfs_expr(struct dfs *d, const struct expr *e, const struct symbol *skip)
{
	if (!e || d->found)
		return;
	switch (e->op) {
	case E_SYMBOL:
		if (e->lsym != skip)
			dfs_visit(d, e->lsym);
		break;
	case E_NOT:
		dfs_expr(d, e->left, skip);
		break;
	case E_AND:
	case E_OR: {
		size_t n;
		const struct expr **spine = expr_spine(e, &n);
		dfs_expr(d, spine[n - 1]->left, skip);
		while (n > 0)
			dfs_expr(d, spine[--n]->right, skip);
		free(spine);
		break;
	}
	default:
		if (e->lsym != skip)
			dfs_visit(d, e->lsym);
		if (e->rsym != skip)
			dfs_visit(d, e->rsym);
		break;
	}
}

static void report_loop(struct dfs *d, struct symbol *s)
{
	char chain[2048] = "";
	size_t n = 0;
	int start = d->depth - 1;
	while (start > 0 && d->path[start] != s)
		start--;
	for (int i = start; i < d->depth && n < sizeof chain - 1; i++) {
		n += (size_t)snprintf(chain + n, sizeof chain - n, "%s -> ", d->path[i]->name);
		if (n > sizeof chain - 1)
			n = sizeof chain - 1;
	}
	snprintf(chain + n, sizeof chain - n, "%s", s->name);
	struct location loc = s->nodes[0]->loc;
	error_at(loc.file, loc.line, "dependency loop: %s", chain);
	d->found = true;
}

static void dfs_visit(struct dfs *d, struct symbol *s)
{
	if (d->found || s->is_const || s->n_nodes == 0 || s->dfs_state == DFS_DONE)
		return;
	if (s->dfs_state == DFS_ACTIVE) {
		report_loop(d, s);
		return;
	}
	if (d->depth == MAX_DEPENDENCY_DEPTH) {
		struct location loc = s->nodes[0]->loc;
		error_at(loc.file, loc.line, "%s: a chain of more than %d symbols that depend on each other (through %s)",
			 s->name, MAX_DEPENDENCY_DEPTH, d->path[0]->name);
		d->found = true;
		return;
	}
	if (d->depth == d->cap) {
		d->cap = d->cap ? 2 * d->cap : 256;
		d->path = xrealloc(d->path, (size_t)d->cap * sizeof *d->path);
	}
	s->dfs_state = DFS_ACTIVE;
	d->path[d->depth++] = s;
	dfs_expr(d, s->direct_dep, NULL);
	dfs_expr(d, s->rev_dep, NULL);
	dfs_expr(d, s->weak_rev_dep, NULL);
	for (int i = 0; i < s->n_nodes; i++)
		dfs_expr(d, s->nodes[i]->prompt_cond, NULL);
	for (struct property *p = s->defaults; p; p = p->next) {
		/* a choice's default names a member whose visibility counts,
		 * and that is covered by the member loop below */
		if (!s->is_choice)
			dfs_expr(d, p->value, NULL);
		dfs_expr(d, p->cond, NULL);
	}
	for (struct property *p = s->ranges; p; p = p->next) {
		dfs_visit(d, p->low);
		dfs_visit(d, p->high);
		dfs_expr(d, p->cond, NULL);
	}
	/* A choice's selection looks at its members' visibility, which in
	 * turn refers to the choice's mode; that self reference is no loop. */
	for (int i = 0; i < s->n_members; i++)
		for (int j = 0; j < s->members[i]->n_nodes; j++)
			dfs_expr(d, s->members[i]->nodes[j]->prompt_cond, s);
	if (s->choice)
		dfs_visit(d, s->choice);
	d->depth--;
	s->dfs_state = DFS_DONE;
	if (d->n_order == d->cap_order) {
		d->cap_order = d->cap_order ? 2 * d->cap_order : 256;
		d->order = xrealloc(d->order, (size_t)d->cap_order * sizeof *d->order);
	}
	d->order[d->n_order++] = s;
}

static struct dfs *loop_dfs;
static void dfs_choice(struct symbol *c) { dfs_visit(loop_dfs, c); }

static void check_loops(struct kconfig *kc)
{
	struct dfs *d = xcalloc(1, sizeof *d);
	struct symbol *s;
	for_each_defined(kc, s)
		dfs_visit(d, s);
	loop_dfs = d;
	collect_choices(kc->root.list, dfs_choice);
	loop_dfs = NULL;
	kc->eval_order = d->order;
	kc->n_eval_order = d->n_order;
	free(d->path);
	free(d);
}

static void check_unclosed(struct parse_state *ps)
{
	for (struct menu *m = ps->parent; m && m->kind != M_ROOT; m = m->parent) {
		const char *end = m->kind == M_MENU ? "endmenu" : m->kind == M_CHOICE ? "endchoice" : "endif";
		error_at(m->loc.file, m->loc.line, "'%s' is never closed (missing '%s')", kind_name(m->kind), end);
	}
}

int menu_finish(struct parse_state *ps)
{
	struct kconfig *kc = ps->kc;
	int before = diag_errors;
	check_unclosed(ps);
	if (diag_errors != before)
		return diag_errors - before;
	propagate(kc, &kc->root, NULL);
	find_members(kc->root.list);
	collect_choices(kc->root.list, check_choice);
	struct symbol *s;
	for_each_defined(kc, s)
		check_symbol(s);
	if (diag_errors != before)
		return diag_errors - before;
	add_reverse_deps(kc);
	check_loops(kc);
	return diag_errors - before;
}
