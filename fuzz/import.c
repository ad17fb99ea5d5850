/* Fuzz target: the importer. The input is a configure command line as
 * `cpyconf import` takes it; it is split into shell words and imported
 * against the project's tree (loaded once; each input starts from an
 * empty config), with --keep-unknown when the input's first byte is odd
 * (so both ways are explored), and what it accepts is written out as a
 * minimal config. */
#include <stdlib.h>

#define FUZZ_TREE CPYCONF_TOP "/Kconfig"
#include "harness.h"
#include "kconfig/confio.h"
#include "translate/import.h"
#include "translate/shellwords.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct shell_words in;
	char *why;
	if (!shell_split((const char *)data, size, &in, &why)) {
		free(why);
		return 0;
	}
	config_read(kc, harness_file("", 0), false);
	char **words = xcalloc((size_t)in.n + 1, sizeof *words);
	char **where = xcalloc((size_t)in.n + 1, sizeof *where);
	struct import_arg *args = xcalloc((size_t)in.n + 1, sizeof *args);
	for (int i = 0; i < in.n; i++) {
		words[i] = in.items[i].text;
		where[i] = "argument";
	}
	bool keep_unknown = size && (data[0] & 1);
	if (import_words(kc, words, where, in.n, keep_unknown, args) == 0)
		free(defconfig_text(kc));
	import_args_free(args, in.n);
	free(args);
	free(where);
	free(words);
	shell_words_free(&in);
	return 0;
}
