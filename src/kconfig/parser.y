/* Kconfig grammar. The grammar is line-oriented and flat: each statement is
 * one line (help text included), and menu.c checks that a statement is
 * allowed where it stands and keeps the menu/choice/if nesting. That gives
 * errors such as "endmenu without menu" instead of a bare syntax error. */
%define api.pure full
%define parse.error verbose
%lex-param {struct parse_state *ps}
%parse-param {struct parse_state *ps}

%code requires {
#include "kconfig/kconfig.h"
#include "kconfig/parse.h"
}

%code {
#include <stdlib.h>
#include <string.h>
#include "kconfig/menu.h"
#include "util/diag.h"

int yylex(YYSTYPE *lval, void *scanner);
static int kc_lex(YYSTYPE *lval, struct parse_state *ps)
{
	return yylex(lval, ps->scanner);
}
#define yylex kc_lex

static void yyerror(struct parse_state *ps, const char *msg)
{
	/* The lexer already reported the bad token itself. */
	if (!strstr(msg, "T_BAD"))
		error_at(ps->file, ps->token_line, "%s", msg);
}
}

%union {
	char *str;
	struct expr *expr;
	struct symbol *sym;
	enum sym_type type;
	int flags;
}

%token T_MAINMENU T_MENU T_ENDMENU T_CONFIG T_MENUCONFIG T_CHOICE T_ENDCHOICE
%token T_COMMENT T_IF "if" T_ENDIF T_PROMPT T_DEFAULT T_DEPENDS T_ON "on"
%token T_SELECT T_IMPLY T_VISIBLE T_RANGE T_HELP T_OPTION T_OPTIONAL
%token <type> T_TYPE T_DEF_TYPE
%token <flags> T_SOURCE
%token <str> T_WORD "word" T_WORD_QUOTE "quoted string" T_HELPTEXT "help text"
%token T_EOL "end of line"
%token T_BAD
%token T_AND "&&" T_OR "||" T_NOT "!" T_EQUAL "=" T_UNEQUAL "!=" T_LESS "<"
%token T_LESS_EQUAL "<=" T_GREATER ">" T_GREATER_EQUAL ">=" T_OPEN_PAREN "(" T_CLOSE_PAREN ")"

%left T_OR
%left T_AND
%precedence T_NOT

%type <expr> expr if_opt
%type <sym> symbol
%type <str> prompt_opt word_opt

%destructor { free($$); } <str>
%destructor { expr_free($$); } <expr>

%%

input: %empty | input stmt ;

stmt:
	  T_MAINMENU T_WORD_QUOTE T_EOL		{ menu_mainmenu(ps, $2); }
	| T_CONFIG T_WORD T_EOL			{ menu_add_config(ps, $2, M_CONFIG); }
	| T_MENUCONFIG T_WORD T_EOL		{ menu_add_config(ps, $2, M_MENUCONFIG); }
	| T_MENU T_WORD_QUOTE T_EOL		{ menu_add_menu(ps, $2); }
	| T_ENDMENU T_EOL			{ menu_end_block(ps, M_MENU, "endmenu"); }
	| T_CHOICE word_opt T_EOL		{ menu_add_choice(ps, $2); }
	| T_ENDCHOICE T_EOL			{ menu_end_block(ps, M_CHOICE, "endchoice"); }
	| T_COMMENT T_WORD_QUOTE T_EOL		{ menu_add_comment(ps, $2); }
	| T_IF expr T_EOL			{ menu_add_if(ps, $2); }
	| T_ENDIF T_EOL				{ menu_end_block(ps, M_IF, "endif"); }
	| T_SOURCE T_WORD_QUOTE T_EOL		{ menu_source(ps, $2, $1); }
	| T_TYPE prompt_opt if_opt T_EOL	{ menu_type(ps, $1, $2, $3); }
	| T_DEF_TYPE expr if_opt T_EOL		{ menu_def_type(ps, $1, $2, $3); }
	| T_PROMPT T_WORD_QUOTE if_opt T_EOL	{ menu_prompt(ps, $2, $3); }
	| T_DEFAULT expr if_opt T_EOL		{ menu_default(ps, $2, $3); }
	| T_DEPENDS T_ON expr T_EOL		{ menu_depends(ps, $3); }
	| T_SELECT T_WORD if_opt T_EOL		{ menu_select(ps, $2, $3, false); }
	| T_IMPLY T_WORD if_opt T_EOL		{ menu_select(ps, $2, $3, true); }
	| T_VISIBLE T_IF expr T_EOL		{ menu_visible(ps, $3); }
	| T_RANGE symbol symbol if_opt T_EOL	{ menu_range(ps, $2, $3, $4); }
	| T_HELP T_EOL T_HELPTEXT		{ menu_help(ps, $3); }
	| T_OPTION T_WORD T_EQUAL T_WORD_QUOTE T_EOL { menu_option(ps, $2, $4); }
	| T_OPTION T_WORD T_EOL			{ menu_option(ps, $2, NULL); }
	| T_OPTIONAL T_EOL			{ menu_optional(ps); }
	| error T_EOL				{ yyerrok; }
	;

prompt_opt: %empty { $$ = NULL; } | T_WORD_QUOTE { $$ = $1; } ;
word_opt: %empty { $$ = NULL; } | T_WORD { $$ = $1; } ;
if_opt: %empty { $$ = NULL; } | T_IF expr { $$ = $2; } ;

expr:
	  symbol				{ $$ = expr_sym($1); }
	| symbol T_EQUAL symbol			{ $$ = expr_rel(E_EQ, $1, $3); }
	| symbol T_UNEQUAL symbol		{ $$ = expr_rel(E_NE, $1, $3); }
	| symbol T_LESS symbol			{ $$ = expr_rel(E_LT, $1, $3); }
	| symbol T_LESS_EQUAL symbol		{ $$ = expr_rel(E_LE, $1, $3); }
	| symbol T_GREATER symbol		{ $$ = expr_rel(E_GT, $1, $3); }
	| symbol T_GREATER_EQUAL symbol		{ $$ = expr_rel(E_GE, $1, $3); }
	| T_OPEN_PAREN expr T_CLOSE_PAREN	{ $$ = $2; }
	| T_NOT expr				{ $$ = expr_unary($2); }
	| expr T_OR expr			{ $$ = expr_or($1, $3); }
	| expr T_AND expr			{ $$ = expr_and($1, $3); }
	;

symbol:
	  T_WORD		{ $$ = sym_lookup(ps->kc, $1); free($1); }
	| T_WORD_QUOTE		{ $$ = sym_const(ps->kc, $1); free($1); }
	;

%%

int kconfig_parse(struct parse_state *ps)
{
	return yyparse(ps);
}
