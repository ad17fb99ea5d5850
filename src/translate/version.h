/* The target CPython version as the tree spells it: the choice PY_VERSION
 * with one member per series, PY_VERSION_3_10 to PY_VERSION_3_16. */
#ifndef CPYCONF_TRANSLATE_VERSION_H
#define CPYCONF_TRANSLATE_VERSION_H

#include <stdbool.h>
#include <stddef.h>

#include "kconfig/kconfig.h"

/* The member for a series ("3.13"), or NULL when the tree has none. */
struct symbol *version_member(struct kconfig *kc, const char *series);
/* "3.13" for PY_VERSION_3_13 (caller frees). */
char *version_series(const struct symbol *member);
/* The selected series into `out`; false when no version is selected. */
bool target_series(struct kconfig *kc, char *out, size_t size);

/* The choice's user state, to put back after trying another version. */
struct version_saved {
	struct symbol *choice;
	bool has_user_value;
	tristate user_tri;
	struct symbol *user_selection;
};
/* Selects `member` for a moment, to ask what applies with that version;
 * version_restore puts the config's own choice back. */
struct version_saved version_try(struct kconfig *kc, struct symbol *member);
void version_restore(struct kconfig *kc, struct version_saved saved);

#endif
