/* The escape hatch CONFIG_EXTRA_CONFIGURE_ARGS: split into words like a
 * shell would (without evaluating anything) and refused where a word is
 * not an option or a variable, or is one a symbol controls, in any
 * spelling configure accepts. */
#ifndef CPYCONF_EXTRA_H
#define CPYCONF_EXTRA_H

#include "translate/translate.h"

/* Adds the words of the escape hatch (if the tree has one) to out's
 * configure arguments; returns the number of errors reported. */
int translate_extra(struct kconfig *kc, struct translation *out);

#endif
