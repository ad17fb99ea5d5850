/* Building the menu tree while parsing (called from parser.y), and
 * finishing it afterwards: dependency propagation, type checks, loops. */
#ifndef CPYCONF_KCONFIG_MENU_H
#define CPYCONF_KCONFIG_MENU_H

#include "kconfig/parse.h"

void menu_mainmenu(struct parse_state *ps, char *prompt);
void menu_add_config(struct parse_state *ps, char *name, enum menu_kind kind);
void menu_add_menu(struct parse_state *ps, char *prompt);
void menu_add_choice(struct parse_state *ps, char *name);
void menu_add_comment(struct parse_state *ps, char *prompt);
void menu_add_if(struct parse_state *ps, struct expr *cond);
void menu_end_block(struct parse_state *ps, enum menu_kind kind, const char *keyword);
void menu_source(struct parse_state *ps, char *path, int flags);
void menu_type(struct parse_state *ps, enum sym_type type, char *prompt, struct expr *cond);
void menu_def_type(struct parse_state *ps, enum sym_type type, struct expr *value, struct expr *cond);
void menu_prompt(struct parse_state *ps, char *prompt, struct expr *cond);
void menu_default(struct parse_state *ps, struct expr *value, struct expr *cond);
void menu_depends(struct parse_state *ps, struct expr *dep);
void menu_select(struct parse_state *ps, char *target, struct expr *cond, bool imply);
void menu_visible(struct parse_state *ps, struct expr *cond);
void menu_range(struct parse_state *ps, struct symbol *low, struct symbol *high, struct expr *cond);
void menu_help(struct parse_state *ps, char *text);
void menu_option(struct parse_state *ps, char *name, char *value);
void menu_optional(struct parse_state *ps);

/* After parsing: check unclosed blocks, propagate dependencies into the
 * symbols, check types and loops. Returns the number of errors found. */
int menu_finish(struct parse_state *ps);

#endif
