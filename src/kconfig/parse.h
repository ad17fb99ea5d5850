/* Shared state of the Kconfig lexer (lexer.l) and grammar (parser.y). */
#ifndef CPYCONF_PARSE_H
#define CPYCONF_PARSE_H

#include <stdio.h>
#include "kconfig/kconfig.h"

/* `source` variants (lexer.l) */
enum { SOURCE_OPTIONAL = 1, SOURCE_RELATIVE = 2 };
/* if, menu and choice blocks nest at most this deep: every level copies
 * the conditions of the levels above it into its entries, so the cost of
 * loading grows with the square of the depth (README: Limits). */
#define MAX_BLOCK_NESTING 1000
/* && and || in one statement: far beyond any real tree (Linux's longest
 * has a few hundred), and small enough that copying such an expression
 * while loading stays cheap. */
#define MAX_EXPR_OPERATORS 100000

struct source_frame {
	const char *file; /* interned */
	const char *real; /* interned canonical path, to spot recursion */
	int line;         /* line to resume at */
	void *buffer;     /* flex YY_BUFFER_STATE of the including file */
	FILE *fp;
};

#define PP_VAR_BUCKETS 64
struct pp_var;

struct parse_state {
	struct kconfig *kc;
	void *scanner; /* yyscan_t */

	struct source_frame *stack;
	int depth, cap;     /* number of including files on the stack */
	const char *file;   /* current file, interned */
	const char *real;   /* its canonical path, interned */
	FILE *fp;

	int token_line;     /* line of the token just returned */

	/* help text being collected */
	char *help; size_t help_len, help_cap;
	int help_indent;    /* -1 until the first non-blank help line */

	/* string literal being collected */
	char *str; size_t str_len, str_cap;
	int str_line;
	char quote;          /* the quote that opened it */

	/* the menu node that entries are appended to, and the current entry */
	struct menu *parent;
	struct menu *entry;
	int operators; /* && and || in the statement being read */
	int nesting;  /* blocks open */
	int too_deep; /* blocks beyond MAX_BLOCK_NESTING, refused, still open */

	/* macros (preproc.c) */
	struct pp_var *vars[PP_VAR_BUCKETS];
	char **call_args; int n_call_args; /* $(1)... of the function expanded */
};

/* lexer.l */
int lexer_init(struct parse_state *ps, const char *path);
void lexer_destroy(struct parse_state *ps);
/* Called by the grammar on `source "path"` (SOURCE_* flags): switch
 * input to that file, or to the files its glob pattern matches. */
void lexer_source(struct parse_state *ps, const char *path, int flags, int line);

/* envvars.c: $NAME and ${NAME} in a quoted string, as Kconfiglib
 * expands them (a new string) */
char *expand_env_vars(const char *s);

/* preproc.c: the macro language */
/* `text` with every $(...) expanded (a new string); NULL after an error. */
char *pp_expand(struct parse_state *ps, const char *text);
/* A line that starts a statement and holds a macro or an assignment:
 * defines the variable (and returns "") or returns the line expanded. */
char *pp_line(struct parse_state *ps, const char *line);
void pp_free(struct parse_state *ps);

/* parser.y */
int kconfig_parse(struct parse_state *ps);

#endif
