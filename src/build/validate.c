#include "build/validate.h"

#include <string.h>

#include "translate/extra.h"
#include "util/diag.h"

int config_validate(struct kconfig *kc)
{
	struct translation scratch = { 0 };
	int errors = translate_extra(kc, &scratch);
	translation_free(&scratch);
	const char *hosts = sym_string_if_applies(kc, "BUILD_DISTCC_HOSTS");
	if (sym_is_y(kc, "BUILD_DISTCC") && !hosts[strspn(hosts, " \t")]) {
		error_plain("BUILD_DISTCC is on but BUILD_DISTCC_HOSTS names no server");
		errors++;
	}
	const char *epoch = sym_string_if_applies(kc, "BUILD_SOURCE_DATE_EPOCH");
	if (sym_is_y(kc, "BUILD_REPRODUCIBLE") && *epoch && strspn(epoch, "0123456789") != strlen(epoch)) {
		error_plain("BUILD_SOURCE_DATE_EPOCH is '%s', not a number of seconds", epoch);
		errors++;
	}
	return errors;
}
