/* Splitting a configure command line into words by POSIX shell quoting,
 * without evaluating anything: expansions, command substitutions and
 * operators are refused, never run. The scanner is shellwords.l. */
#ifndef CPYCONF_SHELLWORDS_H
#define CPYCONF_SHELLWORDS_H

#include <stdbool.h>
#include <stddef.h>

struct shell_word {
	char *text;
	int line, column; /* where the word starts in the input, from 1 */
};

struct shell_words {
	struct shell_word *items;
	int n;
};

/* Splits `len` bytes of `text` (which may hold NUL bytes: they are an
 * error). Handles '...', "..." (backslash escapes only $ ` " \ and
 * newline), backslashes, backslash-newline continuations and # comments.
 * On error returns false and sets *error to "LINE:COLUMN: reason"
 * (caller frees); `out` then holds nothing. */
bool shell_split(const char *text, size_t len, struct shell_words *out, char **error);
void shell_words_free(struct shell_words *w);

#endif
