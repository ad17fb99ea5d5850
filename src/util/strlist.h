/* Growable lists of owned strings, and string joining. */
#ifndef CPYCONF_STRLIST_H
#define CPYCONF_STRLIST_H

struct strlist {
	char **items;
	int n;
};

void strlist_add(struct strlist *l, char *item); /* takes ownership */
void strlist_free(struct strlist *l);
char *str_join(const char *a, const char *b, const char *c); /* a b c, new string */
/* qsort comparison for an array of char * */
int compare_strings(const void *a, const void *b);

#endif
