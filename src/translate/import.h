/* The translator's inverse: configure arguments back to symbol values, by
 * the same naming rules (options/CONVENTIONS.md) applied to the loaded
 * tree. There is no table of flags here either. */
#ifndef CPYCONF_IMPORT_H
#define CPYCONF_IMPORT_H

#include <stdbool.h>
#include "kconfig/kconfig.h"

enum import_fate {
	IMPORT_SCRIPT,     /* ./configure itself, or env before it */
	IMPORT_SET,        /* became a symbol value */
	IMPORT_IMPLIED,    /* a symbol value equal to configure's default */
	IMPORT_OVERRIDDEN, /* a later argument sets the same option */
	IMPORT_KEPT,       /* no symbol: kept in EXTRA_CONFIGURE_ARGS */
	IMPORT_REFUSED,    /* an error; note says why */
};

struct import_arg {
	const char *word;  /* borrowed from the caller */
	const char *where; /* borrowed: how messages name the argument */
	enum import_fate fate;
	char *result;      /* CONFIG_NAME=value it became, when it did */
	char *note;        /* the reason or remark, or NULL */
};

/* Replaces the value of every symbol that reaches configure (ENABLE_,
 * WITH_, ARG_, VAR_, ENV_, MODULE_, EXTRA_CONFIGURE_ARGS) with what the
 * words say; the others (target version and platform, build settings,
 * make variables) keep theirs. Words before a ./configure word must be
 * NAME=value (configure reads those from its environment). Unmapped
 * words go to EXTRA_CONFIGURE_ARGS with `keep_unknown`, else are errors.
 * Fills out[0..n-1] and returns the number of errors, all reported. */
int import_words(struct kconfig *kc, char *const *words, char *const *where, int n, bool keep_unknown,
		 struct import_arg *out);
void import_args_free(struct import_arg *args, int n);

/* Selects the target version "3.13"; false (reported) for a series the
 * tree does not have. */
bool import_pin_version(struct kconfig *kc, const char *series);

/* The target version of the config as "3.13" (caller frees). */
char *import_target_version(struct kconfig *kc);

#endif
