#include "translate/version.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/diag.h"

static const char member_prefix[] = "PY_VERSION_";

struct symbol *version_member(struct kconfig *kc, const char *series)
{
	char name[32];
	int major, minor;
	if (sscanf(series, "%d.%d", &major, &minor) != 2)
		return NULL;
	snprintf(name, sizeof name, "%s%d_%d", member_prefix, major, minor);
	struct symbol *s = sym_find(kc, name);
	return s && s->n_nodes && s->choice ? s : NULL;
}

char *version_series(const struct symbol *member)
{
	char *s = xstrdup(member->name + strlen(member_prefix));
	for (char *p = s; *p; p++)
		if (*p == '_')
			*p = '.';
	return s;
}

bool target_series(struct kconfig *kc, char *out, size_t size)
{
	struct symbol *s;
	for_each_defined(kc, s) {
		if (!strncmp(s->name, member_prefix, strlen(member_prefix)) && s->choice && sym_tri(kc, s) == 2) {
			char *series = version_series(s);
			snprintf(out, size, "%s", series);
			free(series);
			return true;
		}
	}
	return false;
}

struct version_saved version_try(struct kconfig *kc, struct symbol *member)
{
	struct symbol *c = member->choice;
	struct version_saved saved = { c, c->has_user_value, c->user_tri, c->user_selection };
	c->has_user_value = true;
	c->user_tri = 2;
	c->user_selection = member;
	kc_invalidate(kc);
	return saved;
}

void version_restore(struct kconfig *kc, struct version_saved saved)
{
	saved.choice->has_user_value = saved.has_user_value;
	saved.choice->user_tri = saved.user_tri;
	saved.choice->user_selection = saved.user_selection;
	kc_invalidate(kc);
}
