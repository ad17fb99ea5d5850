#include "util/strlist.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/diag.h"

void strlist_add(struct strlist *l, char *item)
{
	l->items = xrealloc(l->items, (size_t)(l->n + 1) * sizeof *l->items);
	l->items[l->n++] = item;
}

void strlist_free(struct strlist *l)
{
	for (int i = 0; i < l->n; i++)
		free(l->items[i]);
	free(l->items);
	l->items = NULL;
	l->n = 0;
}

char *str_join(const char *a, const char *b, const char *c)
{
	char *s = xmalloc(strlen(a) + strlen(b) + strlen(c) + 1);
	sprintf(s, "%s%s%s", a, b, c);
	return s;
}

int compare_strings(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}
