#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "kconfig/parse.h"
#include "util/diag.h"

/* The macro language of Linux 4.18 and Kconfiglib: variables (`X := v`
 * expanded once, `X = v` at each use, `X += v`), $(NAME) of a variable or
 * else of the environment, $(NAME,args) of a variable used as a function
 * ($(1), $(2) are its arguments) and the functions shell, info,
 * warning-if, error-if, filename and lineno. The lexer calls pp_expand on
 * each `$(` it meets outside help text and pp_line on each assignment. */

#define MAX_EXPANSION_DEPTH 1000 /* nested expansions: only a loop goes deep */

struct pp_var {
	char *name, *value;
	bool recursive; /* `=`: expanded at each use */
	bool busy;      /* being expanded: a reference to itself is a loop */
	struct pp_var *next;
};

struct text {
	char *s;
	size_t len, cap;
};

static void put(struct text *t, const char *s, size_t n)
{
	if (t->len + n + 1 > t->cap) {
		t->cap = (t->len + n + 1) * 2;
		t->s = xrealloc(t->s, t->cap);
	}
	memcpy(t->s + t->len, s, n);
	t->len += n;
	t->s[t->len] = '\0';
}

static unsigned var_hash(const char *name)
{
	unsigned h = 5381;
	for (; *name; name++)
		h = h * 33 + (unsigned char)*name;
	return h % PP_VAR_BUCKETS;
}

static struct pp_var *find_var(struct parse_state *ps, const char *name)
{
	for (struct pp_var *v = ps->vars[var_hash(name)]; v; v = v->next)
		if (!strcmp(v->name, name))
			return v;
	return NULL;
}

void pp_free(struct parse_state *ps)
{
	for (int i = 0; i < PP_VAR_BUCKETS; i++) {
		for (struct pp_var *v = ps->vars[i], *next; v; v = next) {
			next = v->next;
			free(v->name);
			free(v->value);
			free(v);
		}
		ps->vars[i] = NULL;
	}
}

/* Index of the ')' that closes the `$(` before s[start], or -1. */
static long closing_paren(const char *s, size_t start)
{
	int depth = 1;
	for (size_t i = start; s[i]; i++) {
		if (s[i] == '(')
			depth++;
		else if (s[i] == ')' && --depth == 0)
			return (long)i;
	}
	return -1;
}

static char *expand(struct parse_state *ps, const char *s, int depth);

/* The parts of `inner` (the text between `$(` and `)`) split at the
 * commas outside parentheses, each expanded; NULL after an error. */
static char **split_args(struct parse_state *ps, const char *inner, int depth, int *n)
{
	char **parts = NULL;
	*n = 0;
	int level = 0;
	for (const char *p = inner, *start = inner;; p++) {
		if (*p == '(')
			level++;
		else if (*p == ')')
			level--;
		if (*p != '\0' && (*p != ',' || level > 0))
			continue;
		char *raw = xstrndup(start, (size_t)(p - start));
		char *value = expand(ps, raw, depth);
		free(raw);
		if (!value) {
			for (int i = 0; i < *n; i++)
				free(parts[i]);
			free(parts);
			return NULL;
		}
		parts = xrealloc(parts, (size_t)(*n + 1) * sizeof *parts);
		/* like make, an argument's leading blanks do not count */
		size_t blank = *n ? strspn(value, " \t") : 0;
		memmove(value, value + blank, strlen(value + blank) + 1);
		parts[(*n)++] = value;
		if (*p == '\0')
			return parts;
		start = p + 1;
	}
}

/* CPYCONF_NO_SHELL (set and not empty) refuses $(shell,...): for loading
 * a tree nobody vouches for, such as the fuzzer's inputs. */
static char *run_shell(struct parse_state *ps, const char *command)
{
	const char *off = getenv("CPYCONF_NO_SHELL");
	if (off && *off) {
		error_at(ps->file, ps->token_line, "$(shell,%s): running commands is off (CPYCONF_NO_SHELL)", command);
		return NULL;
	}
	fflush(NULL);
	FILE *p = popen(command, "r");
	if (!p) {
		error_at(ps->file, ps->token_line, "$(shell,%s): cannot run it", command);
		return NULL;
	}
	struct text out = { 0 };
	put(&out, "", 0);
	char buf[4096];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, p)) > 0)
		put(&out, buf, n);
	int status = pclose(p);
	if (status != 0) {
		/* the reference tools ignore the status; a build system must not */
		error_at(ps->file, ps->token_line, "$(shell,%s) failed (%s %d)", command,
			 WIFEXITED(status) ? "exit status" : "signal",
			 WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status));
		free(out.s);
		return NULL;
	}
	while (out.len > 0 && out.s[out.len - 1] == '\n')
		out.s[--out.len] = '\0';
	for (char *c = out.s; *c; c++)
		if (*c == '\n')
			*c = ' ';
	return out.s;
}

static bool arg_count(struct parse_state *ps, const char *name, int given, int wanted)
{
	if (given == wanted)
		return true;
	error_at(ps->file, ps->token_line, "$(%s,...) takes %d argument%s, not %d", name, wanted,
		 wanted == 1 ? "" : "s", given);
	return false;
}

/* One $(...): args[0] is the name, the others its arguments. */
static char *call(struct parse_state *ps, char **args, int n, int depth)
{
	const char *name = args[0];
	int given = n - 1;
	char number[16];
	if (!strcmp(name, "shell"))
		return arg_count(ps, name, given, 1) ? run_shell(ps, args[1]) : NULL;
	if (!strcmp(name, "info")) {
		if (!arg_count(ps, name, given, 1))
			return NULL;
		fprintf(stderr, "%s\n", args[1]);
		return xstrdup("");
	}
	if (!strcmp(name, "warning-if") || !strcmp(name, "error-if")) {
		if (!arg_count(ps, name, given, 2))
			return NULL;
		if (strcmp(args[1], "y"))
			return xstrdup("");
		if (name[0] == 'w') {
			warning_at(ps->file, ps->token_line, "%s", args[2]);
			return xstrdup("");
		}
		error_at(ps->file, ps->token_line, "%s", args[2]);
		return NULL;
	}
	if (!strcmp(name, "filename"))
		return arg_count(ps, name, given, 0) ? xstrdup(ps->file) : NULL;
	if (!strcmp(name, "lineno")) {
		if (!arg_count(ps, name, given, 0))
			return NULL;
		snprintf(number, sizeof number, "%d", ps->token_line);
		return xstrdup(number);
	}
	/* $(1), $(2): an argument of the function being expanded */
	char *end;
	long index = strtol(name, &end, 10);
	if (*name && !*end && given == 0) {
		return xstrdup(index >= 1 && index <= ps->n_call_args ? ps->call_args[index - 1] : "");
	}
	struct pp_var *v = find_var(ps, name);
	if (!v) {
		if (given > 0) {
			error_at(ps->file, ps->token_line, "$(%s,...): no variable or function of that name", name);
			return NULL;
		}
		const char *env = getenv(name);
		return xstrdup(env ? env : "");
	}
	if (!v->recursive)
		return xstrdup(v->value);
	if (v->busy) {
		error_at(ps->file, ps->token_line, "variable %s refers to itself (a recursive variable that expands forever)",
			 name);
		return NULL;
	}
	char **saved = ps->call_args;
	int n_saved = ps->n_call_args;
	ps->call_args = args + 1;
	ps->n_call_args = given;
	v->busy = true;
	char *value = expand(ps, v->value, depth + 1);
	v->busy = false;
	ps->call_args = saved;
	ps->n_call_args = n_saved;
	return value;
}

static char *expand(struct parse_state *ps, const char *s, int depth)
{
	if (depth > MAX_EXPANSION_DEPTH) {
		error_at(ps->file, ps->token_line, "macros nested more than %d deep", MAX_EXPANSION_DEPTH);
		return NULL;
	}
	struct text out = { 0 };
	put(&out, "", 0);
	for (size_t i = 0; s[i];) {
		if (s[i] != '$' || s[i + 1] != '(') {
			size_t n = strcspn(s + i + 1, "$") + 1;
			put(&out, s + i, n);
			i += n;
			continue;
		}
		long close = closing_paren(s, i + 2);
		if (close < 0) {
			error_at(ps->file, ps->token_line, "unterminated '$(' (no closing parenthesis)");
			free(out.s);
			return NULL;
		}
		char *inner = xstrndup(s + i + 2, (size_t)close - i - 2);
		int n;
		char **args = split_args(ps, inner, depth + 1, &n);
		free(inner);
		char *value = args ? call(ps, args, n, depth + 1) : NULL;
		for (int k = 0; args && k < n; k++)
			free(args[k]);
		free(args);
		if (!value) {
			free(out.s);
			return NULL;
		}
		put(&out, value, strlen(value));
		free(value);
		i = (size_t)close + 1;
	}
	return out.s;
}

char *pp_expand(struct parse_state *ps, const char *text)
{
	return expand(ps, text, 0);
}

/* The assignment operator outside $(...) in line, or NULL. */
static const char *assignment_op(const char *line, size_t *op_len)
{
	int level = 0;
	for (const char *p = line; *p; p++) {
		if (*p == '(')
			level++;
		else if (*p == ')')
			level--;
		else if (*p == '"' || *p == '\'')
			return NULL; /* a string: a statement, not an assignment */
		else if (level == 0 && (!strncmp(p, ":=", 2) || !strncmp(p, "+=", 2))) {
			*op_len = 2;
			return p;
		} else if (level == 0 && *p == '=') {
			*op_len = 1;
			return p;
		}
	}
	return NULL;
}

static void assign(struct parse_state *ps, const char *name, const char *op, const char *raw)
{
	struct pp_var *v = find_var(ps, name);
	bool append = op[0] == '+';
	bool recursive = op[0] == '=' || (append && (!v || v->recursive));
	char *value = recursive ? xstrdup(raw) : pp_expand(ps, raw);
	if (!value)
		return;
	if (!v) {
		v = xcalloc(1, sizeof *v);
		v->name = xstrdup(name);
		v->recursive = recursive; /* += on a new variable: as = */
		unsigned h = var_hash(name);
		v->next = ps->vars[h];
		ps->vars[h] = v;
	} else if (append && *v->value) {
		char *joined = xmalloc(strlen(v->value) + strlen(value) + 2);
		sprintf(joined, "%s %s", v->value, value);
		free(value);
		value = joined;
	}
	if (!append)
		v->recursive = recursive;
	free(v->value);
	v->value = value;
}

char *pp_line(struct parse_state *ps, const char *line)
{
	size_t op_len;
	const char *op = assignment_op(line, &op_len);
	if (!op)
		return pp_expand(ps, line);
	char *lhs = xstrndup(line, (size_t)(op - line));
	char *name = pp_expand(ps, lhs);
	free(lhs);
	if (!name)
		return NULL;
	size_t n = strlen(name);
	while (n > 0 && (name[n - 1] == ' ' || name[n - 1] == '\t'))
		name[--n] = '\0';
	const char *raw = op + op_len;
	raw += strspn(raw, " \t");
	if (!*name || name[strcspn(name, " \t")])
		error_at(ps->file, ps->token_line, "the name of a variable must be one word, not '%s'", name);
	else
		assign(ps, name, op, raw);
	free(name);
	return xstrdup("");
}
