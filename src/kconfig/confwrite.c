#include "kconfig/confio.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/diag.h"

struct buf {
	char *data;
	size_t len, cap;
};

static void put(struct buf *b, const char *s)
{
	size_t n = strlen(s);
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->data = xrealloc(b->data, b->cap);
	}
	memcpy(b->data + b->len, s, n + 1);
	b->len += n;
}

char *config_line(struct kconfig *kc, struct symbol *s)
{
	const char *v = sym_str(kc, s);
	struct buf b = { 0 };
	if (sym_is_bool(s)) {
		if (!strcmp(v, "n")) {
			put(&b, "# CONFIG_");
			put(&b, s->name);
			put(&b, " is not set");
		} else {
			put(&b, "CONFIG_");
			put(&b, s->name);
			put(&b, "=");
			put(&b, v);
		}
		return b.data;
	}
	put(&b, "CONFIG_");
	put(&b, s->name);
	put(&b, "=");
	if (s->type != TYPE_STRING) {
		put(&b, v);
		return b.data;
	}
	put(&b, "\"");
	for (const char *p = v; *p; p++) {
		char c[3] = { '\\', *p, '\0' };
		put(&b, *p == '"' || *p == '\\' ? c : c + 1);
	}
	put(&b, "\"");
	return b.data;
}

static void put_header(struct kconfig *kc, struct buf *b, const char *note)
{
	put(b, "#\n# Automatically generated file; DO NOT EDIT.\n");
	if (kc->mainmenu) {
		put(b, "# ");
		put(b, kc->mainmenu);
		put(b, "\n");
	}
	if (note) {
		put(b, note);
		put(b, "\n");
	}
	put(b, "#\n");
}

static void put_title(struct buf *b, const char *title)
{
	put(b, "\n#\n# ");
	put(b, title);
	put(b, "\n#\n");
}

/* The tree walk of Kconfiglib's write_config: symbols at their first
 * definition, titles of visible menus and comments, "# end of" markers. */
static void write_menu(struct kconfig *kc, struct menu *parent, struct buf *b)
{
	for (struct menu *m = parent->list; m; m = m->next) {
		if (m->kind == M_CONFIG || m->kind == M_MENUCONFIG) {
			struct symbol *s = m->sym;
			if (s->nodes[0] == m && sym_written(kc, s)) {
				char *line = config_line(kc, s);
				put(b, line);
				put(b, "\n");
				free(line);
			}
		} else if ((m->kind == M_MENU && expr_eval(kc, m->dep) && expr_eval(kc, m->visible_if)) ||
			   (m->kind == M_COMMENT && expr_eval(kc, m->dep))) {
			put_title(b, m->prompt);
		}
		if (m->list) {
			write_menu(kc, m, b);
			if (m->kind == M_MENU && expr_eval(kc, m->dep) && expr_eval(kc, m->visible_if)) {
				put(b, "# end of ");
				put(b, m->prompt);
				put(b, "\n");
			}
		}
	}
}

char *config_text(struct kconfig *kc, const char *header_note)
{
	struct buf b = { 0 };
	put_header(kc, &b, header_note);
	write_menu(kc, &kc->root, &b);
	return b.data;
}

/* Whether the minimal config must mention the symbol: the rule of
 * Kconfiglib's write_min_config, which follows the C tools. */
static bool needed_in_defconfig(struct kconfig *kc, struct symbol *s)
{
	if (!s->choice && sym_visibility(kc, s) <= (s->rev_dep ? expr_eval(kc, s->rev_dep) : 0))
		return false;
	if (!strcmp(sym_str(kc, s), sym_default_str(kc, s)))
		return false;
	if (s->choice && !s->choice->optional && choice_default_selection(kc, s->choice) == s &&
	    s->type == TYPE_BOOL && sym_tri(kc, s) == 2)
		return false;
	return sym_written(kc, s);
}

char *defconfig_text(struct kconfig *kc)
{
	struct buf b = { 0 };
	put(&b, "");
	struct symbol *s;
	for_each_defined(kc, s) {
		if (!needed_in_defconfig(kc, s))
			continue;
		char *line = config_line(kc, s);
		put(&b, line);
		put(&b, "\n");
		free(line);
	}
	return b.data;
}
