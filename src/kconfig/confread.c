#include "kconfig/confio.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/diag.h"
#include "util/textfile.h"

#define PREFIX "CONFIG_"
#define PREFIX_LEN 7

struct assignment {
	struct symbol *sym;
	char *value; /* as written in the file, unescaped */
	int line;
};

static bool is_name_char(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

static size_t name_length(const char *p)
{
	size_t n = 0;
	while (is_name_char(p[n]))
		n++;
	return n;
}

/* "..." with \" and \\ (any backslash escapes the next character), and
 * nothing after the closing quote. NULL after reporting a problem. */
static char *unquote(const char *file, int line, const char *name, const char *p)
{
	if (*p != '"') {
		error_at(file, line, "CONFIG_%s: a string value must be in double quotes", name);
		return NULL;
	}
	char *out = xmalloc(strlen(p) + 1), *o = out;
	for (p++; *p && *p != '"'; p++) {
		if (*p == '\\') {
			if (!*++p)
				break;
		}
		*o++ = *p;
	}
	*o = '\0';
	if (*p != '"') {
		error_at(file, line, "CONFIG_%s: unterminated string (no closing double quote)", name);
		free(out);
		return NULL;
	}
	if (p[1] != '\0') {
		error_at(file, line, "CONFIG_%s: unexpected text after the closing quote: %s", name, p + 1);
		free(out);
		return NULL;
	}
	return out;
}

/* Values reach configure, JSON and the terminal: they must be UTF-8. */
static bool valid_utf8(const unsigned char *p)
{
	while (*p) {
		int extra = *p < 0x80 ? 0 : (*p & 0xE0) == 0xC0 ? 1 : (*p & 0xF0) == 0xE0 ? 2 : (*p & 0xF8) == 0xF0 ? 3 : -1;
		if (extra < 0 || (extra == 1 && *p < 0xC2) || (extra == 3 && *p > 0xF4))
			return false;
		unsigned cp = extra ? (unsigned)(*p & (0x3F >> extra)) : *p;
		for (int i = 1; i <= extra; i++) {
			if ((p[i] & 0xC0) != 0x80)
				return false;
			cp = (cp << 6) | (p[i] & 0x3F);
		}
		if ((extra == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (extra == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
			return false;
		p += extra + 1;
	}
	return true;
}

static bool valid_int(const char *v)
{
	long long n;
	if (*v == '+')
		return false;
	return parse_number(v, 10, &n);
}

static bool valid_hex(const char *v)
{
	long long n;
	return *v != '-' && *v != '+' && parse_number(v, 16, &n);
}

/* Checks the value against the symbol's type and stores it as the user
 * value. Returns false after reporting an error. */
static bool set_user_value(const char *file, int line, struct symbol *s,
			   const char *raw, bool not_set)
{
	const char *type = type_name(s->type);
	if (not_set && !sym_is_bool(s)) {
		error_at(file, line, "CONFIG_%s: 'is not set' is only for bool symbols; this one is %s", s->name, type);
		return false;
	}
	if (sym_is_bool(s)) {
		tristate v;
		const char *text = not_set ? "n" : raw;
		if (!strcmp(text, "y"))
			v = 2;
		else if (!strcmp(text, "n"))
			v = 0;
		else if (!strcmp(text, "m") && s->type == TYPE_TRISTATE)
			v = 1;
		else {
			error_at(file, line, "CONFIG_%s: '%s' is not a %s value (expected y or n)", s->name, text, type);
			return false;
		}
		s->has_user_value = true;
		s->user_tri = v;
		if (s->choice && v) {
			struct symbol *c = s->choice;
			if (c->user_selection && c->user_selection != s) {
				error_at(file, line, "CONFIG_%s=y and CONFIG_%s=y (line %d) are both set, but they are members of one choice",
					 s->name, c->user_selection->name, c->user_selection->user_loc.line);
				return false;
			}
			c->user_selection = s;
			c->has_user_value = true;
			c->user_tri = v;
		}
		return true;
	}
	char *value;
	if (s->type == TYPE_STRING) {
		value = unquote(file, line, s->name, raw);
		if (!value)
			return false;
		if (!valid_utf8((const unsigned char *)value)) {
			error_at(file, line, "CONFIG_%s: the value is not valid UTF-8", s->name);
			free(value);
			return false;
		}
	} else {
		if (*raw == '\0') { /* an int without default is written empty */
			free(s->user_str);
			s->user_str = NULL;
			s->has_user_value = false;
			return true;
		}
		if (s->type == TYPE_INT ? !valid_int(raw) : !valid_hex(raw)) {
			error_at(file, line, "CONFIG_%s: '%s' is not a valid %s value", s->name, raw, type);
			return false;
		}
		value = xstrdup(raw);
	}
	free(s->user_str);
	s->user_str = value;
	s->has_user_value = true;
	return true;
}

/* Splits one line; returns 1 for an assignment, 0 for a line to skip and
 * -1 for a malformed line (reported). */
static int parse_line(const char *file, int line, char *text, char **name, char **value, bool *not_set)
{
	*not_set = false;
	if (text[0] == '\0')
		return 0;
	if (text[0] == '#') {
		/* Exactly "# CONFIG_NAME is not set", as both reference tools
		 * read it; any other line starting with # is a comment. */
		const char *p = text + 2;
		size_t n;
		if (text[1] != ' ' || strncmp(p, PREFIX, PREFIX_LEN) || (n = name_length(p + PREFIX_LEN)) == 0 ||
		    strncmp(p + PREFIX_LEN + n, " is not set", 11))
			return 0;
		const char *rest = p + PREFIX_LEN + n + 11;
		if (rest[strspn(rest, " \t")] != '\0') {
			error_at(file, line, "unexpected text after 'is not set': %.60s", rest);
			return -1;
		}
		*name = xstrndup(p + PREFIX_LEN, n);
		*value = NULL;
		*not_set = true;
		return 1;
	}
	size_t n;
	if (strncmp(text, PREFIX, PREFIX_LEN) || (n = name_length(text + PREFIX_LEN)) == 0 ||
	    text[PREFIX_LEN + n] != '=') {
		char shown[61];
		snprintf(shown, sizeof shown, "%s", text);
		error_at(file, line, "not a config line (expected CONFIG_NAME=value or '# CONFIG_NAME is not set'): %s%s",
			 shown, strlen(text) > 60 ? "..." : "");
		return -1;
	}
	*name = xstrndup(text + PREFIX_LEN, n);
	*value = xstrdup(text + PREFIX_LEN + n + 1);
	return 1;
}

static void clear_all_user_values(struct kconfig *kc)
{
	struct symbol *s;
	for_each_defined(kc, s) {
		sym_clear_user(kc, s);
		if (s->choice)
			sym_clear_user(kc, s->choice);
	}
}

static void report_unknown(struct kconfig *kc, bool strict, const char *file, int line, const char *name)
{
	const struct symbol *near = nearest_symbol(kc, name);
	if (near)
		report_at(strict, file, line, "CONFIG_%s: unknown symbol; did you mean CONFIG_%s?", name, near->name);
	else
		report_at(strict, file, line, "CONFIG_%s: unknown symbol (not in this Kconfig tree)", name);
}

void config_check_honored(struct kconfig *kc, bool strict, const char *file, int line, struct symbol *s,
			  const char *wanted)
{
	char expr[512];
	if (s->type == TYPE_INT || s->type == TYPE_HEX) {
		long long low, high;
		if (!sym_user_in_range(kc, s, &low, &high)) {
			if (s->type == TYPE_HEX)
				error_at(file, line, "CONFIG_%s: value %s is outside its range [0x%llx, 0x%llx]",
					 s->name, s->user_str, low, high);
			else
				error_at(file, line, "CONFIG_%s: value %s is outside its range [%lld, %lld]",
					 s->name, s->user_str, low, high);
			return;
		}
	}
	const char *now = sym_str(kc, s);
	if (sym_is_bool(s) && !wanted)
		wanted = "n";
	if (s->type == TYPE_TRISTATE && !strcmp(wanted, "m"))
		wanted = "y";
	if (!strcmp(now, wanted) || (s->type != TYPE_STRING && !sym_is_bool(s) && wanted[0] == '\0'))
		return;
	if (sym_is_bool(s) && !strcmp(now, "y") && s->rev_dep && expr_eval(kc, s->rev_dep)) {
		expr_print(s->rev_dep, expr, sizeof expr);
		report_at(strict, file, line, "CONFIG_%s=n has no effect: it is selected by %s", s->name, expr);
	} else if (!sym_visibility(kc, s)) {
		expr_print(s->direct_dep, expr, sizeof expr);
		if (s->direct_dep && !expr_eval(kc, s->direct_dep))
			report_at(strict, file, line, "CONFIG_%s=%s has no effect: its dependencies are not met: %s",
				  s->name, wanted, expr);
		else
			report_at(strict, file, line, "CONFIG_%s=%s has no effect: the symbol cannot be set here (no prompt, or its prompt is hidden)",
				  s->name, wanted);
	} else if (s->choice) {
		struct symbol *sel = choice_selection(kc, s->choice);
		report_at(strict, file, line, "CONFIG_%s=%s has no effect: its choice has %s selected",
			  s->name, wanted, sel ? sel->name : "nothing");
	} else {
		report_at(strict, file, line, "CONFIG_%s=%s has no effect: the value is %s", s->name, wanted, now);
	}
}

int config_read(struct kconfig *kc, const char *path, bool strict)
{
	int errors_before = diag_errors;
	size_t len;
	char *text = read_text_file(path, NULL, 0, &len);
	if (!text)
		return diag_errors - errors_before;
	clear_all_user_values(kc);
	const char *file = kc_intern(kc, path);
	struct assignment *list = NULL;
	size_t n_list = 0, cap_list = 0;
	int line = 0;
	for (char *p = text, *end; *p; p = end + 1) {
		end = strchr(p, '\n');
		*end = '\0';
		line++;
		char *name, *value;
		bool not_set;
		int kind = parse_line(file, line, p, &name, &value, &not_set);
		if (kind <= 0)
			continue;
		struct symbol *s = sym_find(kc, name);
		struct assignment *a = NULL;
		if (!s || s->n_nodes == 0) {
			report_unknown(kc, strict, file, line, name);
		} else if (s->user_loc.file == file) {
			report_at(strict, file, line, "CONFIG_%s is assigned again (first on line %d); the later value wins",
				  name, s->user_loc.line);
			if (s->choice && s->choice->user_selection == s)
				s->choice->user_selection = NULL;
			if (set_user_value(file, line, s, value, not_set))
				s->user_loc = (struct location){ file, line };
			/* only a repeated line searches the list */
			for (size_t i = 0; i < n_list && !a; i++)
				a = list[i].sym == s ? &list[i] : NULL;
		} else if (set_user_value(file, line, s, value, not_set)) {
			s->user_loc = (struct location){ file, line };
			if (n_list == cap_list)
				list = xrealloc(list, (cap_list = cap_list ? 2 * cap_list : 64) * sizeof *list);
			list[n_list] = (struct assignment){ s, NULL, line };
			a = &list[n_list++];
		}
		/* the value to compare with after resolving */
		if (a) {
			free(a->value);
			const char *string = s->user_str ? s->user_str : "";
			a->value = not_set ? NULL : xstrdup(s->type == TYPE_STRING ? string : value);
			a->line = line;
		}
		free(name);
		free(value);
	}
	free(text);
	kc_invalidate(kc);
	if (diag_errors == errors_before)
		for (size_t i = 0; i < n_list; i++)
			config_check_honored(kc, strict, file, list[i].line, list[i].sym, list[i].value);
	for (size_t i = 0; i < n_list; i++)
		free(list[i].value);
	free(list);
	return diag_errors - errors_before;
}
