#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kconfig/kconfig.h"
#include "util/diag.h"

/* The value logic. Every quantity is computed on demand and cached until
 * the next user value change (kc->gen). The algorithm is the one of
 * Kconfiglib 14, which documents where it follows the C tools. */

enum { CACHE_VIS = 1, CACHE_TRI = 2, CACHE_STR = 4, CACHE_SEL = 8 };

void kc_invalidate(struct kconfig *kc)
{
	kc->gen++;
}

/* Computes every value in kc->eval_order once per generation: each
 * symbol then finds the values it needs cached, and no computation
 * recurses along a long dependency chain. */
static void warm_up(struct kconfig *kc)
{
	if (kc->warm_gen == kc->gen + 1)
		return;
	kc->warm_gen = kc->gen + 1;
	for (int i = 0; i < kc->n_eval_order; i++)
		sym_str(kc, kc->eval_order[i]);
}

static void refresh(struct kconfig *kc, struct symbol *s)
{
	warm_up(kc);
	if (s->cache_gen != kc->gen) {
		s->cache_gen = kc->gen;
		s->valid = 0;
		s->write_cache = false;
		free(s->str_cache);
		s->str_cache = NULL;
	}
}

/* Enter the computation of `what`; false when it is already underway,
 * which only a dependency loop can cause (menu.c rejects those). */
static bool enter(struct kconfig *kc, struct symbol *s, unsigned what)
{
	if (s->busy & what) {
		if (!kc->loop_reported)
			error_plain("dependency loop through %s", s->name);
		kc->loop_reported = true;
		return false;
	}
	s->busy |= what;
	return true;
}

static void leave(struct symbol *s, unsigned what)
{
	s->busy &= ~what;
	s->valid |= what;
}

static tristate max_tri(tristate a, tristate b) { return a > b ? a : b; }
static tristate min_tri(tristate a, tristate b) { return a < b ? a : b; }

/* The type a tristate acts as: bool while MODULES is not y, and for a
 * member of a choice in y mode. */
static enum sym_type effective_type(struct kconfig *kc, struct symbol *s)
{
	if (s->type != TYPE_TRISTATE)
		return s->type;
	if (s == kc->modules || !sym_tri(kc, kc->modules))
		return TYPE_BOOL;
	return s->choice && sym_tri(kc, s->choice) == 2 ? TYPE_BOOL : TYPE_TRISTATE;
}

tristate sym_visibility(struct kconfig *kc, struct symbol *s)
{
	if (s->is_const || s->n_nodes == 0)
		return 0;
	refresh(kc, s);
	if (s->valid & CACHE_VIS)
		return s->vis_cache;
	if (!enter(kc, s, CACHE_VIS))
		return 0;
	tristate vis = 0;
	for (int i = 0; i < s->n_nodes; i++)
		if (s->nodes[i]->prompt)
			vis = max_tri(vis, expr_eval(kc, s->nodes[i]->prompt_cond));
	if (s->choice) {
		tristate mode = sym_tri(kc, s->choice);
		/* in a tristate choice, a bool member shows only in y mode, and a
		 * tristate member that can only be m not in y mode */
		if ((s->choice->type == TYPE_TRISTATE && s->type != TYPE_TRISTATE && mode != 2) ||
		    (s->type == TYPE_TRISTATE && vis == 1 && mode == 2))
			vis = 0;
	}
	if (vis == 1 && effective_type(kc, s) != TYPE_TRISTATE)
		vis = 2;
	s->vis_cache = vis;
	leave(s, CACHE_VIS);
	return vis;
}

static tristate choice_mode(struct kconfig *kc, struct symbol *c)
{
	tristate val = c->optional ? 0 : 1;
	if (c->has_user_value)
		val = max_tri(val, c->user_tri);
	val = min_tri(val, sym_visibility(kc, c));
	return val == 1 && effective_type(kc, c) == TYPE_BOOL ? 2 : val;
}

static tristate plain_bool_value(struct kconfig *kc, struct symbol *s, tristate vis)
{
	tristate val = 0;
	tristate weak = s->weak_rev_dep ? expr_eval(kc, s->weak_rev_dep) : 0;
	if (vis && s->has_user_value) {
		val = min_tri(s->user_tri, vis);
	} else {
		for (struct property *p = s->defaults; p; p = p->next) {
			tristate cond = expr_eval(kc, p->cond);
			if (cond) {
				val = min_tri(expr_eval(kc, p->value), cond);
				/* Written even when n, as kconfig-conf writes it
				 * (Kconfiglib leaves an n default out): a file
				 * with the lines of both loads in either menu
				 * without a claim of unsaved changes. */
				s->write_cache = true;
				break;
			}
		}
		/* `imply` counts only while the symbol's own dependencies hold */
		if (weak && expr_eval(kc, s->direct_dep)) {
			val = max_tri(val, weak);
			s->write_cache = true;
		}
	}
	tristate rev = s->rev_dep ? expr_eval(kc, s->rev_dep) : 0;
	if (rev) {
		val = max_tri(val, rev);
		s->write_cache = true;
	}
	/* m becomes y for a bool, and when an imply asks for y */
	if (val == 1 && (effective_type(kc, s) == TYPE_BOOL || weak == 2))
		val = 2;
	return val;
}

tristate sym_tri(struct kconfig *kc, struct symbol *s)
{
	if (s->is_const)
		return s == kc->sym_y ? 2 : s == kc->sym_m ? 1 : 0;
	if (!sym_is_bool(s) && !s->is_choice)
		return 0;
	refresh(kc, s);
	if (s->valid & CACHE_TRI)
		return s->tri_cache;
	tristate vis = sym_visibility(kc, s);
	if (!enter(kc, s, CACHE_TRI))
		return 0;
	s->write_cache = vis != 0;
	tristate val;
	if (s->is_choice)
		val = choice_mode(kc, s);
	else if (!s->choice)
		val = plain_bool_value(kc, s, vis);
	else if (vis == 2)
		val = choice_selection(kc, s->choice) == s ? 2 : 0;
	else /* a member of a choice in m mode: m if the user said so */
		val = vis && s->has_user_value && s->user_tri ? 1 : 0;
	if (s->env_var || s == kc->defconfig_list)
		s->write_cache = false;
	s->tri_cache = val;
	leave(s, CACHE_TRI);
	return val;
}

/* Like Python's int(text, base) for the forms Kconfig files use: an
 * optional sign, then for base 16 an optional 0x, for base 0 a 0x/0o/0b
 * prefix or a decimal number without leading zeros. */
bool parse_number(const char *text, int base, long long *out)
{
	const char *p = text;
	bool negative = false;
	if (*p == '-' || *p == '+')
		negative = *p++ == '-';
	if (base == 16 || base == 0) {
		if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
			p += 2;
			base = 16;
		} else if (base == 0 && p[0] == '0' && (p[1] == 'o' || p[1] == 'O')) {
			p += 2;
			base = 8;
		} else if (base == 0 && p[0] == '0' && (p[1] == 'b' || p[1] == 'B')) {
			p += 2;
			base = 2;
		} else if (base == 0) {
			if (p[0] == '0' && p[1] != '\0') {
				for (const char *z = p; *z; z++)
					if (*z != '0')
						return false;
			}
			base = 10;
		}
	}
	if (*p == '\0')
		return false;
	unsigned long long v = 0;
	for (; *p; p++) {
		int d;
		if (*p >= '0' && *p <= '9')
			d = *p - '0';
		else if (*p >= 'a' && *p <= 'f')
			d = *p - 'a' + 10;
		else if (*p >= 'A' && *p <= 'F')
			d = *p - 'A' + 10;
		else
			return false;
		if (d >= base || v > (0x7fffffffffffffffULL - (unsigned)d) / (unsigned)base)
			return false;
		v = v * (unsigned)base + (unsigned)d;
	}
	*out = negative ? -(long long)v : (long long)v;
	return true;
}

static char *format_number(long long v, enum sym_type type)
{
	char buf[32];
	if (type == TYPE_INT)
		snprintf(buf, sizeof buf, "%lld", v);
	else if (v < 0)
		snprintf(buf, sizeof buf, "-0x%llx", -(unsigned long long)v);
	else
		snprintf(buf, sizeof buf, "0x%llx", (unsigned long long)v);
	return xstrdup(buf);
}

/* The first range whose condition holds, as numbers; false if none. */
static bool active_range(struct kconfig *kc, struct symbol *s, long long *low, long long *high)
{
	int base = s->type == TYPE_HEX ? 16 : 10;
	for (struct property *p = s->ranges; p; p = p->next) {
		if (expr_eval(kc, p->cond)) {
			if (!parse_number(sym_str(kc, p->low), base, low))
				*low = 0;
			if (!parse_number(sym_str(kc, p->high), base, high))
				*high = 0;
			return true;
		}
	}
	return false;
}

bool sym_user_in_range(struct kconfig *kc, struct symbol *s, long long *low, long long *high)
{
	long long v;
	if (!s->has_user_value || (s->type != TYPE_INT && s->type != TYPE_HEX))
		return true;
	/* A crossed range (low > high) admits no value at all; the symbol
	 * falls back to its clamped default, as in both reference tools. */
	if (!active_range(kc, s, low, high) || *low > *high)
		return true;
	return parse_number(s->user_str, s->type == TYPE_HEX ? 16 : 10, &v) && v >= *low && v <= *high;
}

static char *number_value(struct kconfig *kc, struct symbol *s, tristate vis)
{
	int base = s->type == TYPE_HEX ? 16 : 10;
	long long low = 0, high = 0, v;
	bool ranged = active_range(kc, s, &low, &high);
	if (vis && s->has_user_value && parse_number(s->user_str, base, &v) &&
	    (!ranged || (v >= low && v <= high)))
		return xstrdup(s->user_str);
	char *val = xstrdup("");
	long long num = 0;
	for (struct property *p = s->defaults; p; p = p->next) {
		if (expr_eval(kc, p->cond)) {
			s->write_cache = true;
			free(val);
			val = xstrdup(sym_str(kc, p->value->lsym));
			if (!parse_number(val, base, &num))
				num = 0;
			break;
		}
	}
	if (ranged && (num < low || num > high)) {
		free(val);
		val = format_number(num < low ? low : high, s->type);
	}
	return val;
}

const char *sym_str(struct kconfig *kc, struct symbol *s)
{
	if (s->is_const || s->type == TYPE_UNKNOWN)
		return s->name; /* undefined symbols read as their own name */
	if (sym_is_bool(s) || s->is_choice) {
		static const char *const tri_text[] = { "n", "m", "y" };
		return tri_text[sym_tri(kc, s)];
	}
	refresh(kc, s);
	if (s->valid & CACHE_STR)
		return s->str_cache;
	tristate vis = sym_visibility(kc, s);
	if (!enter(kc, s, CACHE_STR))
		return "";
	s->write_cache = vis != 0;
	char *val = NULL;
	if (s->type == TYPE_STRING) {
		if (vis && s->has_user_value) {
			val = xstrdup(s->user_str);
		} else {
			for (struct property *p = s->defaults; p; p = p->next) {
				if (expr_eval(kc, p->cond)) {
					val = xstrdup(sym_str(kc, p->value->lsym));
					s->write_cache = true;
					break;
				}
			}
		}
		if (!val)
			val = xstrdup("");
	} else {
		val = number_value(kc, s, vis);
	}
	if (s->env_var || s == kc->defconfig_list)
		s->write_cache = false;
	s->str_cache = val;
	leave(s, CACHE_STR);
	return val;
}

bool sym_written(struct kconfig *kc, struct symbol *s)
{
	sym_str(kc, s);
	return s->write_cache;
}

struct symbol *choice_default_selection(struct kconfig *kc, struct symbol *c)
{
	for (struct property *p = c->defaults; p; p = p->next)
		if (expr_eval(kc, p->cond) && sym_visibility(kc, p->value->lsym))
			return p->value->lsym;
	for (int i = 0; i < c->n_members; i++)
		if (sym_visibility(kc, c->members[i]))
			return c->members[i];
	return NULL;
}

struct symbol *choice_selection(struct kconfig *kc, struct symbol *c)
{
	refresh(kc, c);
	if (c->valid & CACHE_SEL)
		return c->sel_cache;
	if (!enter(kc, c, CACHE_SEL))
		return NULL;
	struct symbol *sel = NULL;
	if (sym_tri(kc, c) == 2) { /* only y mode selects */
		sel = c->user_selection;
		if (!sel || !sym_visibility(kc, sel))
			sel = choice_default_selection(kc, c);
	}
	c->sel_cache = sel;
	leave(c, CACHE_SEL);
	return sel;
}

/* The value the symbol would have without its user value: what
 * savedefconfig compares against (the same rule as Kconfiglib's). */
const char *sym_default_str(struct kconfig *kc, struct symbol *s)
{
	if (sym_is_bool(s)) {
		tristate val = 0;
		if (!s->choice) {
			for (struct property *p = s->defaults; p; p = p->next) {
				tristate cond = expr_eval(kc, p->cond);
				if (cond) {
					val = min_tri(expr_eval(kc, p->value), cond);
					break;
				}
			}
			if (s->rev_dep)
				val = max_tri(val, expr_eval(kc, s->rev_dep));
			if (s->weak_rev_dep)
				val = max_tri(val, expr_eval(kc, s->weak_rev_dep));
			if (val == 1 && effective_type(kc, s) == TYPE_BOOL)
				val = 2;
		}
		return val == 2 ? "y" : val == 1 ? "m" : "n";
	}
	for (struct property *p = s->defaults; p; p = p->next)
		if (expr_eval(kc, p->cond))
			return sym_str(kc, p->value->lsym);
	return "";
}

void sym_clear_user(struct kconfig *kc, struct symbol *s)
{
	s->has_user_value = false;
	free(s->user_str);
	s->user_str = NULL;
	s->user_tri = 0;
	s->user_selection = NULL;
	s->user_loc = (struct location){ NULL, 0 };
	kc_invalidate(kc);
}

bool sym_applies(struct kconfig *kc, struct symbol *s)
{
	return expr_eval(kc, s->direct_dep) > 0;
}

bool sym_applies_name(struct kconfig *kc, const char *name)
{
	struct symbol *s = sym_find(kc, name);
	return s && s->n_nodes && sym_applies(kc, s);
}

bool sym_is_y(struct kconfig *kc, const char *name)
{
	struct symbol *s = sym_find(kc, name);
	return s && s->n_nodes && sym_tri(kc, s) == 2;
}

const char *sym_string_if_applies(struct kconfig *kc, const char *name)
{
	struct symbol *s = sym_find(kc, name);
	return s && s->n_nodes && sym_applies(kc, s) ? sym_str(kc, s) : "";
}
