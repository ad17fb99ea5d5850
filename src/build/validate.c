#include "build/validate.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "build/setuplocal.h"
#include "translate/extra.h"
#include "util/diag.h"
#include "util/strlist.h"

/* Whether the compiler named by CC (its first word) is GCC by name:
 * gcc, x86_64-linux-gnu-gcc-12, /usr/bin/gcc ... An empty CC is left to
 * configure, which picks a compiler only then. */
static bool cc_is_gcc(const char *cc)
{
	cc += strspn(cc, " \t");
	size_t len = strcspn(cc, " \t");
	const char *base = cc;
	for (size_t i = 0; i < len; i++)
		if (cc[i] == '/')
			base = cc + i + 1;
	size_t blen = len - (size_t)(base - cc);
	for (size_t i = 0; i + 3 <= blen; i++)
		if (!strncmp(base + i, "gcc", 3) && (i == 0 || base[i - 1] == '-'))
			return true;
	return false;
}

/* Refusals of configure's own (its AC_MSG_ERRORs) that follow from a
 * string's value; tests/configure/configure-errors.tsv lists them all. */
static int configure_refusals(struct kconfig *kc)
{
	int errors = 0;
	const char *tzpath = sym_string_if_applies(kc, "WITH_TZPATH");
	if (!strcmp(tzpath, "yes")) {
		error_plain("WITH_TZPATH is 'yes': configure wants a list of folders");
		errors++;
	} else if (*tzpath && strcmp(tzpath, "no")) {
		for (const char *p = tzpath; *p;) {
			size_t len = strcspn(p, ":");
			if (*p != '/') {
				error_plain("WITH_TZPATH '%s': configure takes absolute folders only, not '%.*s'",
					    tzpath, (int)len, p);
				errors++;
				break;
			}
			p += len + (p[len] == ':');
		}
	}
	const char *order = sym_string_if_applies(kc, "WITH_DBMLIBORDER");
	if (*order) {
		for (const char *p = order;; p++) {
			size_t len = strcspn(p, ":");
			if (!((len == 4 && !strncmp(p, "gdbm", 4)) || (len == 4 && !strncmp(p, "ndbm", 4)) ||
			      (len == 3 && !strncmp(p, "bdb", 3)))) {
				error_plain("WITH_DBMLIBORDER '%s': configure knows only gdbm, ndbm and bdb, "
					    "separated by ':'", order);
				errors++;
				break;
			}
			p += len;
			if (!*p)
				break;
		}
	}
	static const char *const need_value[] = { "WITH_LIBM", "WITH_LIBC" };
	for (size_t i = 0; i < sizeof need_value / sizeof *need_value; i++)
		if (!strcmp(sym_string_if_applies(kc, need_value[i]), "yes")) {
			error_plain("%s is 'yes': configure wants a library (or 'no')", need_value[i]);
			errors++;
		}
	if (!strcmp(sym_string_if_applies(kc, "WITH_BUILD_PYTHON"), "no")) {
		error_plain("WITH_BUILD_PYTHON is 'no': configure wants a path or 'yes'");
		errors++;
	}
	if (!strcmp(sym_string_if_applies(kc, "WITH_APP_STORE_COMPLIANCE"), "yes") &&
	    !sym_is_y(kc, "PY_TARGET_MACOS") && !sym_is_y(kc, "PY_TARGET_IOS")) {
		error_plain("WITH_APP_STORE_COMPLIANCE is 'yes': configure has a patch of its own "
			    "only for macOS and iOS (name a patch file instead)");
		errors++;
	}
	const char *host = sym_string_if_applies(kc, "ARG_HOST");
	const char *build = sym_string_if_applies(kc, "ARG_BUILD");
	if (*host && !*build && sym_is_y(kc, "PY_3_11_OR_LATER")) {
		error_plain("ARG_HOST is set but ARG_BUILD is empty: configure wants both to cross compile");
		errors++;
	}
	const char *cc = sym_string_if_applies(kc, "VAR_CC");
	if (cc_is_gcc(cc)) {
		if (sym_is_y(kc, "WITH_LTO_THIN")) {
			error_plain("--with-lto=thin: configure refuses thin LTO with GCC (CC is '%s')", cc);
			errors++;
		}
		if (sym_is_y(kc, "WITH_MEMORY_SANITIZER_YES")) {
			error_plain("--with-memory-sanitizer: GCC has no MemorySanitizer (CC is '%s')", cc);
			errors++;
		}
	}
	return errors;
}

int config_build_precheck(struct kconfig *kc)
{
	int errors = 0;
	if (sym_is_y(kc, "PY_TARGET_IOS") && sym_applies_name(kc, "ENABLE_FRAMEWORK") &&
	    !*sym_string_if_applies(kc, "ENABLE_FRAMEWORK")) {
		error_plain("ENABLE_FRAMEWORK is empty: configure builds for iOS only as a framework");
		errors++;
	}
	return errors;
}

/* BUILD_BUILTIN_MODULES: module names, each once, none switched off.
 * Whether the tree has a rule for each is for the build to say. */
static int builtin_module_refusals(struct kconfig *kc)
{
	int errors = 0;
	struct strlist modules = { 0 }, seen = { 0 };
	builtin_modules(kc, &modules);
	for (int m = 0; m < modules.n; m++) {
		const char *w = modules.items[m];
		bool name = (*w >= 'a' && *w <= 'z') || (*w >= 'A' && *w <= 'Z') || *w == '_';
		for (const char *c = w; *c && name; c++)
			name = (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || *c == '_' ||
			       (*c >= '0' && *c <= '9');
		if (!name) {
			error_plain("BUILD_BUILTIN_MODULES: '%s' is not a module name", w);
			errors++;
			continue;
		}
		bool twice = false;
		for (int i = 0; i < seen.n && !twice; i++)
			twice = !strcmp(seen.items[i], w);
		if (twice) {
			error_plain("BUILD_BUILTIN_MODULES names '%s' twice", w);
			errors++;
			continue;
		}
		strlist_add(&seen, xstrdup(w));
		char *symbol = str_join("MODULE_", w, "");
		for (char *c = symbol; *c; c++)
			if (*c >= 'a' && *c <= 'z')
				*c = (char)(*c - 'a' + 'A');
		if (sym_applies_name(kc, symbol) && !sym_is_y(kc, symbol)) {
			error_plain("BUILD_BUILTIN_MODULES names '%s', which the config switches off (%s=n)", w,
				    symbol);
			errors++;
		}
		free(symbol);
	}
	strlist_free(&seen);
	strlist_free(&modules);
	return errors;
}

int config_validate(struct kconfig *kc)
{
	struct translation scratch = { 0 };
	int errors = translate_extra(kc, &scratch);
	translation_free(&scratch);
	errors += configure_refusals(kc);
	errors += builtin_module_refusals(kc);
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
