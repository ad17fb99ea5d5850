/* Suggestions for a mistyped symbol name. */
#include <stdlib.h>
#include <string.h>

#include "kconfig/kconfig.h"
#include "util/diag.h"

/* Levenshtein distance, bounded: returns limit+1 as soon as it must exceed. */
static size_t edit_distance(const char *a, const char *b, size_t limit)
{
	size_t la = strlen(a), lb = strlen(b);
	if ((la > lb ? la - lb : lb - la) > limit)
		return limit + 1;
	size_t *row = xcalloc(lb + 1, sizeof *row);
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0], best = i;
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
			size_t v = diag + cost;
			if (row[j - 1] + 1 < v)
				v = row[j - 1] + 1;
			if (up + 1 < v)
				v = up + 1;
			row[j] = v;
			diag = up;
			if (v < best)
				best = v;
		}
		if (best > limit) {
			free(row);
			return limit + 1;
		}
	}
	size_t d = row[lb];
	free(row);
	return d;
}

const struct symbol *nearest_symbol(struct kconfig *kc, const char *name)
{
	/* A third of the name's length, at least 2 edits, counts as a typo. */
	size_t limit = strlen(name) / 3;
	if (limit < 2)
		limit = 2;
	const struct symbol *best = NULL;
	size_t best_d = limit + 1;
	const struct symbol *s;
	for_each_defined(kc, s) {
		size_t d = edit_distance(name, s->name, best_d - 1 < limit ? best_d - 1 : limit);
		if (d < best_d) {
			best_d = d;
			best = s;
		}
	}
	return best;
}
