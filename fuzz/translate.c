/* Fuzz target: the translator and its quoting. The input is a .config for
 * the project's tree (Kconfig at the top, loaded once), read as the
 * commands that write read it; what it accepts is translated, every
 * argument, environment and make assignment is quoted by shell_quote, and
 * the quoted words, one at a time and all on one line, must split back
 * (src/translate/shellwords) into exactly the words translated. A
 * difference aborts. */
#include <stdlib.h>
#include <string.h>

#define FUZZ_TREE CPYCONF_TOP "/Kconfig"
#include "harness.h"
#include "kconfig/confio.h"
#include "translate/shellwords.h"
#include "translate/translate.h"

static void mismatch(const char *line, const char *why, const char *word)
{
	fprintf(stderr, "fuzz: quoting does not read back: %s\n  word: [%s]\n  line: [%s]\n", why, word, line);
	abort();
}

/* `words` quoted and joined by spaces, split again, must give `words`. */
static void check_round_trip(const struct strlist *words)
{
	size_t len = 0;
	char **quoted = xcalloc((size_t)words->n + 1, sizeof *quoted);
	for (int i = 0; i < words->n; i++) {
		quoted[i] = shell_quote(words->items[i]);
		len += strlen(quoted[i]) + 1;
	}
	char *line = xmalloc(len + 1), *o = line;
	for (int i = 0; i < words->n; i++) {
		struct shell_words one;
		char *why;
		if (!shell_split(quoted[i], strlen(quoted[i]), &one, &why))
			mismatch(quoted[i], why, words->items[i]);
		if (one.n != 1 || strcmp(one.items[0].text, words->items[i]))
			mismatch(quoted[i], "not the same single word", words->items[i]);
		shell_words_free(&one);
		o += sprintf(o, "%s%s", i ? " " : "", quoted[i]);
		free(quoted[i]);
	}
	free(quoted);
	struct shell_words all;
	char *why;
	if (!shell_split(line, (size_t)(o - line), &all, &why))
		mismatch(line, why, "(all)");
	if (all.n != words->n)
		mismatch(line, "another number of words", "(all)");
	for (int i = 0; i < all.n; i++)
		if (strcmp(all.items[i].text, words->items[i]))
			mismatch(line, "a word differs", words->items[i]);
	shell_words_free(&all);
	free(line);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (config_read(kc, harness_file(data, size), false) != 0)
		return 0;
	for (int explicit = 0; explicit <= 1; explicit++) {
		struct translation t = { 0 };
		translate(kc, explicit, &t);
		check_round_trip(&t.configure_args);
		check_round_trip(&t.environment);
		check_round_trip(&t.make_vars);
		translation_free(&t);
	}
	return 0;
}
