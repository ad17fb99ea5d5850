/* Fuzz target: the .config reader. The input is a .config for the small
 * tree of the bad-input tests (loaded once); it is read as `check` reads
 * it (strict) and as the commands that write do (lenient), and what a
 * lenient read accepts is resolved and written out as .config and
 * defconfig text. */
#include <stdlib.h>

#define FUZZ_TREE CPYCONF_TOP "/tests/kconfig/badinput/tree/Kconfig"
#include "harness.h"
#include "kconfig/confio.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = harness_file(data, size);
	config_read(kc, path, true);
	if (config_read(kc, path, false) == 0) {
		free(config_text(kc, NULL));
		free(defconfig_text(kc));
	}
	return 0;
}
