/* Building the menu tree while parsing (called from parser.y), and
 * finishing it afterwards: dependency propagation, type checks, loops. */
#ifndef CPYCONF_BUILD_H
#define CPYCONF_BUILD_H

#include "parse.h"

void build_mainmenu(struct parse_state *ps, char *prompt);
void build_config(struct parse_state *ps, char *name, enum menu_kind kind);
void build_menu(struct parse_state *ps, char *prompt);
void build_choice(struct parse_state *ps, char *name);
void build_comment(struct parse_state *ps, char *prompt);
void build_if(struct parse_state *ps, struct expr *cond);
void build_end(struct parse_state *ps, enum menu_kind kind, const char *keyword);
void build_source(struct parse_state *ps, char *path);
void build_type(struct parse_state *ps, enum sym_type type, char *prompt, struct expr *cond);
void build_def_type(struct parse_state *ps, enum sym_type type, struct expr *value, struct expr *cond);
void build_prompt(struct parse_state *ps, char *prompt, struct expr *cond);
void build_default(struct parse_state *ps, struct expr *value, struct expr *cond);
void build_depends(struct parse_state *ps, struct expr *dep);
void build_select(struct parse_state *ps, char *target, struct expr *cond, bool imply);
void build_visible(struct parse_state *ps, struct expr *cond);
void build_range(struct parse_state *ps, struct symbol *low, struct symbol *high, struct expr *cond);
void build_help(struct parse_state *ps, char *text);
void build_option(struct parse_state *ps, char *name, char *value);
void build_optional(struct parse_state *ps);

/* After parsing: check unclosed blocks, propagate dependencies into the
 * symbols, check types and loops. Returns the number of errors found. */
int build_finish(struct parse_state *ps);

#endif
