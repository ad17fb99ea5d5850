#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kconfig/kconfig.h"
#include "util/diag.h"

/* Expressions are trees owned by one parent; NULL stands for "always" (y)
 * wherever an expression is a condition. */

static struct expr *new_expr(enum expr_op op)
{
	struct expr *e = xcalloc(1, sizeof *e);
	e->op = op;
	return e;
}

struct expr *expr_sym(struct symbol *s)
{
	struct expr *e = new_expr(E_SYMBOL);
	e->lsym = s;
	return e;
}

struct expr *expr_rel(enum expr_op op, struct symbol *l, struct symbol *r)
{
	struct expr *e = new_expr(op);
	e->lsym = l;
	e->rsym = r;
	return e;
}

struct expr *expr_unary(struct expr *operand)
{
	struct expr *e = new_expr(E_NOT);
	e->left = operand;
	return e;
}

static struct expr *binary(enum expr_op op, struct expr *a, struct expr *b)
{
	struct expr *e = new_expr(op);
	e->left = a;
	e->right = b;
	return e;
}

struct expr *expr_and(struct expr *a, struct expr *b)
{
	if (!a)
		return b;
	if (!b)
		return a;
	return binary(E_AND, a, b);
}

struct expr *expr_or(struct expr *a, struct expr *b)
{
	if (!a || !b) {
		expr_free(a);
		expr_free(b);
		return NULL;
	}
	return binary(E_OR, a, b);
}

/* The parser builds `a || b || c` as ((a || b) || c): a chain of a
 * million operands is a million nodes deep on the left. The walks below
 * follow such a left spine of one operator with a loop and recurse only
 * into the right operands (and into parentheses, which the grammar's
 * stack bounds), so the depth of the C stack does not grow with it. */
static bool is_spine(const struct expr *e, enum expr_op op)
{
	return e->op == op && (op == E_AND || op == E_OR);
}

struct expr *expr_copy(const struct expr *e)
{
	if (!e)
		return NULL;
	struct expr *top = NULL, **slot = &top;
	for (;;) {
		struct expr *c = new_expr(e->op);
		*c = *e;
		*slot = c;
		if (!is_spine(e, e->op)) {
			c->left = expr_copy(e->left);
			c->right = expr_copy(e->right);
			return top;
		}
		c->right = expr_copy(e->right);
		slot = &c->left;
		e = e->left;
	}
}

/* In a condition, a plain `m` means `m && MODULES` (Kconfiglib, and the
 * C tools since long before 4.11): without modules it is n. Rewrites e in
 * place, along left spines by a loop as above. */
struct expr *expr_transform_m(struct kconfig *kc, struct expr *e)
{
	struct expr **slot = &e;
	while (*slot) {
		struct expr *p = *slot;
		if (p->op == E_SYMBOL) {
			if (p->lsym == kc->sym_m)
				*slot = binary(E_AND, p, expr_sym(kc->modules));
			break;
		}
		if (p->op != E_NOT && p->op != E_AND && p->op != E_OR)
			break; /* a relation compares m as a value */
		if (p->op != E_NOT)
			p->right = expr_transform_m(kc, p->right);
		slot = &p->left;
	}
	return e;
}

void expr_free(struct expr *e)
{
	while (e) {
		struct expr *left = e->left;
		expr_free(e->right);
		free(e);
		e = left;
	}
}
static const char *op_text(enum expr_op op)
{
	switch (op) {
	case E_EQ: return "=";
	case E_NE: return "!=";
	case E_LT: return "<";
	case E_LE: return "<=";
	case E_GT: return ">";
	case E_GE: return ">=";
	case E_AND: return " && ";
	case E_OR: return " || ";
	default: return "?";
	}
}

static void print_sym(const struct symbol *s, char *buf, size_t size, size_t *n)
{
	const char *fmt = s->is_const && strcmp(s->name, "y") && strcmp(s->name, "n") &&
			  strcmp(s->name, "m") ? "\"%s\"" : "%s";
	*n += (size_t)snprintf(buf + *n, *n < size ? size - *n : 0, fmt, s->name);
}

static void print_expr(const struct expr *e, int parent_prec, char *buf, size_t size, size_t *n);

const struct expr **expr_spine(const struct expr *e, size_t *n)
{
	size_t depth = 0, cap = 64;
	const struct expr **spine = xmalloc(cap * sizeof *spine);
	for (const struct expr *p = e; is_spine(p, e->op); p = p->left) {
		if (depth == cap)
			spine = xrealloc(spine, (cap *= 2) * sizeof *spine);
		spine[depth++] = p;
	}
	*n = depth;
	return spine;
}

/* The operands of a left spine, left to right. */
static void print_spine(const struct expr *e, int prec, char *buf, size_t size, size_t *n)
{
	size_t depth;
	const struct expr **spine = expr_spine(e, &depth);
	print_expr(spine[depth - 1]->left, prec, buf, size, n);
	while (depth > 0 && *n < size) {
		*n += (size_t)snprintf(buf + *n, size - *n, "%s", op_text(e->op));
		print_expr(spine[--depth]->right, prec, buf, size, n);
	}
	free(spine);
}

static void print_expr(const struct expr *e, int parent_prec, char *buf, size_t size, size_t *n)
{
	if (*n >= size)
		return;
	if (!e) {
		*n += (size_t)snprintf(buf + *n, size - *n, "y");
		return;
	}
	int prec = e->op == E_OR ? 1 : e->op == E_AND ? 2 : 3;
	bool paren = prec < parent_prec;
	if (paren)
		*n += (size_t)snprintf(buf + *n, size - *n, "(");
	switch (e->op) {
	case E_SYMBOL:
		print_sym(e->lsym, buf, size, n);
		break;
	case E_NOT:
		*n += (size_t)snprintf(buf + *n, *n < size ? size - *n : 0, "!");
		print_expr(e->left, 4, buf, size, n);
		break;
	case E_AND:
	case E_OR:
		print_spine(e, prec, buf, size, n);
		break;
	default:
		print_sym(e->lsym, buf, size, n);
		*n += (size_t)snprintf(buf + *n, *n < size ? size - *n : 0, "%s", op_text(e->op));
		print_sym(e->rsym, buf, size, n);
		break;
	}
	if (paren && *n < size)
		*n += (size_t)snprintf(buf + *n, size - *n, ")");
}

void expr_print(const struct expr *e, char *buf, size_t size)
{
	size_t n = 0;
	if (size == 0)
		return;
	buf[0] = '\0';
	print_expr(e, 0, buf, size, &n);
	if (n >= size && size > 4)
		strcpy(buf + size - 4, "...");
}

/* Numeric reading of an operand of a relation, the way Kconfiglib does it:
 * bool/tristate as 0/1/2, int as base 10, hex as base 16, anything else with
 * a C-style prefix. Returns false when the text is not a number. */
static bool operand_number(struct kconfig *kc, struct symbol *s, long long *out)
{
	if (sym_is_bool(s)) { /* y, m, n and bool symbols: 2, 1, 0 */
		*out = sym_tri(kc, s);
		return true;
	}
	int base = s->type == TYPE_INT ? 10 : s->type == TYPE_HEX ? 16 : 0;
	const char *text = sym_str(kc, s);
	/* both reference tools let leading blanks pass (strtoll, int()) */
	text += strspn(text, " \t\n\v\f\r");
	return parse_number(text, base, out);
}

static tristate relation(struct kconfig *kc, const struct expr *e)
{
	struct symbol *l = e->lsym, *r = e->rsym;
	int cmp;
	long long a, b;
	if (l->type == TYPE_STRING && r->type == TYPE_STRING) {
		cmp = strcmp(sym_str(kc, l), sym_str(kc, r));
	} else if (operand_number(kc, l, &a) && operand_number(kc, r, &b)) {
		cmp = (a > b) - (a < b);
	} else {
		cmp = strcmp(sym_str(kc, l), sym_str(kc, r));
	}
	bool res;
	switch (e->op) {
	case E_EQ: res = cmp == 0; break;
	case E_NE: res = cmp != 0; break;
	case E_LT: res = cmp < 0; break;
	case E_LE: res = cmp <= 0; break;
	case E_GT: res = cmp > 0; break;
	default: res = cmp >= 0; break;
	}
	return res ? 2 : 0;
}

tristate expr_eval(struct kconfig *kc, const struct expr *e)
{
	if (!e)
		return 2;
	switch (e->op) {
	case E_SYMBOL:
		return sym_tri(kc, e->lsym);
	case E_NOT:
		return 2 - expr_eval(kc, e->left);
	case E_AND:
	case E_OR: {
		/* the minimum (&&) or maximum (||) of the spine's operands */
		bool is_and = e->op == E_AND;
		tristate result = is_and ? 2 : 0;
		const struct expr *p = e;
		for (;; p = p->left) {
			tristate v = expr_eval(kc, is_spine(p, e->op) ? p->right : p);
			result = is_and ? (v < result ? v : result) : (v > result ? v : result);
			if (!is_spine(p, e->op))
				return result;
		}
	}
	default:
		return relation(kc, e);
	}
}
