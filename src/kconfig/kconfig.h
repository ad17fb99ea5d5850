/* The Kconfig data model: symbols, expressions, menu nodes, and the
 * value logic that resolves them. Semantics follow Kconfiglib 14, tristate
 * and m included: m exists only while the symbol MODULES is y. */
#ifndef CPYCONF_KCONFIG_H
#define CPYCONF_KCONFIG_H

#include <stdbool.h>
#include <stddef.h>

typedef int tristate; /* 0 = n, 1 = m, 2 = y */

enum sym_type { TYPE_UNKNOWN, TYPE_BOOL, TYPE_TRISTATE, TYPE_STRING, TYPE_INT, TYPE_HEX };

struct location {
	const char *file; /* interned, lives as long as the kconfig */
	int line;
};

enum expr_op { E_SYMBOL, E_NOT, E_AND, E_OR, E_EQ, E_NE, E_LT, E_LE, E_GT, E_GE };

struct symbol;

struct expr {
	enum expr_op op;
	struct expr *left, *right;  /* E_NOT uses left; E_AND/E_OR both */
	struct symbol *lsym, *rsym; /* E_SYMBOL uses lsym; relations both */
};

/* A `default`, `range`, `select` or `imply` with its condition. The
 * condition already includes the dependencies of the enclosing entries. */
struct property {
	struct expr *value;       /* default: the value; select/imply: target */
	struct symbol *low, *high; /* range bounds */
	struct expr *cond;        /* NULL means always */
	struct location loc;
	struct property *next;
};

struct menu;

struct symbol {
	char *name;
	enum sym_type type;
	bool is_const;   /* quoted literal or y/m/n */
	bool is_choice;  /* a choice block; not in the symbol namespace */
	bool optional;   /* choice only */
	bool allnoconfig_y; /* `option allnoconfig_y`: y in allnoconfig */
	char *env_var;   /* `option env=`: never written to .config */

	struct property *defaults, *ranges, *selects, *implies;
	struct expr *direct_dep; /* OR of each definition's dependencies */
	struct expr *rev_dep;    /* from `select` */
	struct expr *weak_rev_dep; /* from `imply` */
	struct menu **nodes;     /* definitions (menu nodes), as many as there are */
	int n_nodes, cap_nodes;

	struct symbol *choice;     /* for a choice member: its choice */
	struct symbol **members;   /* for a choice: its members, in order */
	int n_members;

	/* user input, from a .config or an interactive change */
	bool has_user_value;
	char *user_str;       /* string/int/hex */
	tristate user_tri;    /* bool/tristate, and a choice's mode */
	struct symbol *user_selection; /* choice only */
	struct location user_loc;

	/* cached results, valid while cache_gen equals the kconfig's gen */
	unsigned cache_gen;
	unsigned valid, busy; /* CACHE_* bits: computed, being computed */
	tristate vis_cache, tri_cache;
	char *str_cache;
	bool write_cache;
	struct symbol *sel_cache;

	struct symbol *hash_next;
	struct symbol *list_next; /* defined symbols, in definition order */
	unsigned dfs_state;       /* loop detection */
};

enum menu_kind { M_ROOT, M_MENU, M_CONFIG, M_MENUCONFIG, M_CHOICE, M_COMMENT, M_IF };

struct menu {
	enum menu_kind kind;
	struct symbol *sym;   /* config/menuconfig/choice */
	char *prompt;         /* NULL if none */
	struct expr *prompt_cond;
	struct expr *dep;     /* own `depends on`, then with parents' */
	struct expr *visible_if;
	char *help;
	struct location loc;
	struct menu *parent, *list, *next; /* children and siblings */
	struct menu *last;                 /* last child, to append in O(1) */
	/* properties of this definition before propagation */
	struct property *defaults, *ranges, *selects, *implies;
};

#define SYM_HASH_SIZE 4096
#define CHOICE_HASH_SIZE 256

/* Interned strings (file names), found by hash: a large tree interns a
 * name per `source` and per location. */
struct intern_table {
	char **strings; int n, cap;
	int *slots; int n_slots; /* open addressing: index + 1, 0 = empty */
};

struct kconfig {
	char *mainmenu;
	struct menu root;
	struct symbol *hash[SYM_HASH_SIZE];
	struct symbol *defined_first, *defined_last; /* definition order */
	struct symbol *sym_y, *sym_m, *sym_n;
	struct symbol *consts; /* literal symbols, chained by hash_next */
	struct symbol *choices[CHOICE_HASH_SIZE]; /* named choices, by hash_next */
	struct symbol *anon_choices;              /* the others, by hash_next */
	struct symbol *modules; /* MODULES, which lets tristates be m (value.c) */
	/* the first symbol with `option defconfig_list`: never written, like
	 * an `option env` symbol */
	struct symbol *defconfig_list;
	unsigned gen;     /* bumped whenever a user value changes */
	char *srctree;    /* base for relative `source` paths */
	struct intern_table interned;
	bool loop_reported;
	/* every symbol after the ones its value depends on (menu.c), so
	 * values can be computed without a deep recursion (value.c) */
	struct symbol **eval_order; int n_eval_order;
	unsigned warm_gen; /* gen + 1 once computed in that order */
};

/* kconfig.c: loading and the symbol table */
struct kconfig *kconfig_load(const char *path); /* NULL after reporting errors */
void kconfig_free(struct kconfig *kc);
struct symbol *sym_lookup(struct kconfig *kc, const char *name); /* creates */
struct symbol *sym_find(struct kconfig *kc, const char *name);   /* NULL if unknown */
struct symbol *sym_const(struct kconfig *kc, const char *text);
/* The choice named `name`, created on first use (a named choice may be
 * opened again elsewhere and then adds to the same choice). */
struct symbol *choice_lookup(struct kconfig *kc, const char *name, bool *created);
void sym_add_node(struct symbol *s, struct menu *m);
const char *kc_intern(struct kconfig *kc, const char *s);
#define for_each_defined(kc, s) for (s = (kc)->defined_first; s; s = s->list_next)
const char *type_name(enum sym_type t);
bool sym_is_bool(const struct symbol *s);

/* suggest.c */
/* The defined symbol whose name is closest to `name` (edit distance), or
 * NULL when nothing is close enough to be a plausible typo. */
const struct symbol *nearest_symbol(struct kconfig *kc, const char *name);

/* expr.c */
/* The nodes of the left spine of e's operator (e is && or ||), top
 * first, in a new array of *n: `a || b || c` is one spine, walked by a
 * loop however long (see expr.c). */
const struct expr **expr_spine(const struct expr *e, size_t *n);
struct expr *expr_sym(struct symbol *s);
struct expr *expr_rel(enum expr_op op, struct symbol *l, struct symbol *r);
struct expr *expr_unary(struct expr *e);
struct expr *expr_and(struct expr *a, struct expr *b); /* NULL = y */
struct expr *expr_or(struct expr *a, struct expr *b);  /* NULL stays NULL */
struct expr *expr_copy(const struct expr *e);
struct expr *expr_transform_m(struct kconfig *kc, struct expr *e);
void expr_free(struct expr *e);
void expr_print(const struct expr *e, char *buf, size_t size);
tristate expr_eval(struct kconfig *kc, const struct expr *e);

/* value.c: the value logic */
tristate sym_visibility(struct kconfig *kc, struct symbol *s);
tristate sym_tri(struct kconfig *kc, struct symbol *s);
const char *sym_str(struct kconfig *kc, struct symbol *s);
bool sym_written(struct kconfig *kc, struct symbol *s); /* goes to .config */
struct symbol *choice_selection(struct kconfig *kc, struct symbol *choice);
struct symbol *choice_default_selection(struct kconfig *kc, struct symbol *choice);
const char *sym_default_str(struct kconfig *kc, struct symbol *s);
void kc_invalidate(struct kconfig *kc);
void sym_clear_user(struct kconfig *kc, struct symbol *s);
bool parse_number(const char *s, int base, long long *out);
/* By name, for the runner: whether a symbol exists and its dependencies
 * hold, whether it is y, and its string value where it applies ("" else). */
bool sym_applies(struct kconfig *kc, struct symbol *s);
bool sym_applies_name(struct kconfig *kc, const char *name);
bool sym_is_y(struct kconfig *kc, const char *name);
const char *sym_string_if_applies(struct kconfig *kc, const char *name);
/* false when an int/hex user value lies outside its active range */
bool sym_user_in_range(struct kconfig *kc, struct symbol *s, long long *low, long long *high);

#endif
