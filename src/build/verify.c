#include "build/verify.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "build/setuplocal.h"
#include "util/diag.h"

/* Run by the installed interpreter. argv: machine (the start of
 * platform.machine(), or -), abiflags, Py_DEBUG, Py_GIL_DISABLED (or -),
 * then the configure arguments, "--", then +module / -module (wanted,
 * switched off) and =module (built in). It prints
 * one line per problem and exits 1 if there is any. */
static const char check_script[] =
	"import importlib, platform, re, shlex, sys, sysconfig\n"
	"machine, abiflags, debug, nogil = sys.argv[1:5]\n"
	"rest = sys.argv[5:]\n"
	"cut = rest.index('--')\n"
	"args, modules = rest[:cut], rest[cut + 1:]\n"
	"problems = []\n"
	"if machine != '-' and not platform.machine().startswith(machine):\n"
	"    problems.append('platform.machine() is %r, the host triplet names %r' % (platform.machine(), machine))\n"
	"recorded = shlex.split(sysconfig.get_config_var('CONFIG_ARGS') or '')\n"
	"# sysconfig expands the make references in CONFIG_ARGS (LINKCC=$(CC) ...)\n"
	"def expand(arg):\n"
	"    return re.sub(r'\\$[({](\\w+)[)}]', lambda m: str(sysconfig.get_config_var(m[1]) or ''), arg)\n"
	"args = [expand(a) for a in args]\n"
	"if recorded != args:\n"
	"    problems.append('CONFIG_ARGS is %r, cpyconf passed %r' % (recorded, args))\n"
	"if sys.abiflags != abiflags:\n"
	"    problems.append('sys.abiflags is %r, the config means %r' % (sys.abiflags, abiflags))\n"
	"if str(sysconfig.get_config_var('Py_DEBUG') or 0) != debug:\n"
	"    problems.append('Py_DEBUG is %r, the config means %s' % (sysconfig.get_config_var('Py_DEBUG'), debug))\n"
	"if nogil != '-' and str(sysconfig.get_config_var('Py_GIL_DISABLED') or 0) != nogil:\n"
	"    problems.append('Py_GIL_DISABLED is %r, the config means %s' % (sysconfig.get_config_var('Py_GIL_DISABLED'), nogil))\n"
	"for m in modules:\n"
	"    name = m[1:]\n"
	"    if m[0] == '=':\n"
	"        if name not in sys.builtin_module_names:\n"
	"            problems.append('module %s is not built in, BUILD_BUILTIN_MODULES lists it' % name)\n"
	"        continue\n"
	"    try:\n"
	"        importlib.import_module(name)\n"
	"        found = True\n"
	"    except ImportError:\n"
	"        found = False\n"
	"    if m[0] == '+' and not found:\n"
	"        problems.append('module %s is wanted by the config but does not import' % name)\n"
	"    if m[0] == '-' and found:\n"
	"        problems.append('module %s is switched off in the config but imports' % name)\n"
	"for p in problems:\n"
	"    print(p)\n"
	"print('checked %sCONFIG_ARGS, abiflags %r and %d modules'\n"
	"      % ('' if machine == '-' else 'platform.machine() %r, ' % platform.machine(), sys.abiflags, len(modules)))\n"
	"sys.exit(1 if problems else 0)\n";

/* configure records --build and --host a second time in CONFIG_ARGS, as
 * build_alias=... and host_alias=... at the end. */
static void add_autoconf_aliases(struct kconfig *kc, struct strlist *argv)
{
	static const char *const aliases[][2] = { { "ARG_BUILD", "build_alias=" }, { "ARG_HOST", "host_alias=" } };
	for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++) {
		const char *value = sym_string_if_applies(kc, aliases[i][0]);
		if (*value)
			strlist_add(argv, str_join(aliases[i][1], value, ""));
	}
}

static bool has_prompt(const struct symbol *s)
{
	for (int i = 0; i < s->n_nodes; i++)
		if (s->nodes[i]->prompt)
			return true;
	return false;
}

/* "aarch64" of aarch64-linux-gnu: platform.machine() starts with the
 * triplet's processor (arm-linux-gnueabihf runs as armv7l). */
static char *host_machine(struct kconfig *kc)
{
	const char *host = sym_string_if_applies(kc, "ARG_HOST");
	return xstrndup(host, strcspn(host, "-"));
}

/* Runs the check script with the installed interpreter, under `emulator`
 * (words put before it) for a cross build. */
static int check_interpreter(struct build *b, const struct strlist *emulator)
{
	struct kconfig *kc = b->kc;
	bool debug = sym_is_y(kc, "WITH_PYDEBUG");
	bool has_gil_option = sym_applies_name(kc, "ENABLE_GIL");
	bool nogil = has_gil_option && !sym_is_y(kc, "ENABLE_GIL");
	char abiflags[4] = "";
	strcat(abiflags, nogil ? "t" : "");
	strcat(abiflags, debug ? "d" : "");

	struct strlist argv = { 0 };
	for (int i = 0; i < emulator->n; i++)
		strlist_add(&argv, xstrdup(emulator->items[i]));
	strlist_add(&argv, xstrdup(b->python));
	strlist_add(&argv, xstrdup("-c"));
	strlist_add(&argv, xstrdup(check_script));
	strlist_add(&argv, emulator->n ? host_machine(kc) : xstrdup("-"));
	strlist_add(&argv, xstrdup(abiflags));
	strlist_add(&argv, xstrdup(debug ? "1" : "0"));
	strlist_add(&argv, xstrdup(has_gil_option ? (nogil ? "1" : "0") : "-"));
	for (int i = 0; i < b->all_args.n; i++)
		strlist_add(&argv, xstrdup(b->all_args.items[i]));
	add_autoconf_aliases(kc, &argv);
	strlist_add(&argv, xstrdup("--"));
	struct symbol *s;
	for_each_defined(kc, s) {
		/* modules the config decides on, shown or fixed by another
		 * switch (zlib while pip is installed); a module symbol that
		 * never has a prompt only documents what configure does */
		if (strncmp(s->name, "MODULE_", 7) || !sym_is_bool(s) || !has_prompt(s) || !sym_applies(kc, s))
			continue;
		const char *module = s->name + 7;
		char *m = xmalloc(strlen(module) + 2);
		m[0] = sym_tri(kc, s) == 2 ? '+' : '-';
		for (size_t i = 0; i <= strlen(module); i++)
			m[i + 1] = (char)(module[i] >= 'A' && module[i] <= 'Z' ? module[i] - 'A' + 'a' : module[i]);
		strlist_add(&argv, m);
	}
	struct strlist builtin = { 0 };
	builtin_modules(kc, &builtin);
	for (int i = 0; i < builtin.n; i++)
		strlist_add(&argv, str_join("=", builtin.items[i], ""));
	strlist_free(&builtin);
	strlist_add(&argv, NULL);
	argv.n--;
	struct strlist env = { 0 };
	strlist_add(&env, str_join("LD_LIBRARY_PATH=", b->libdir, ""));
	strlist_add(&env, xstrdup("PYTHONNOUSERSITE=1"));
	char *out = NULL;
	struct spawn r = { .argv = argv.items, .env = &env, .log = b->verify_log, .capture = &out };
	int rc = spawn_run(&r);
	fputs(out ? out : "", stdout);
	FILE *log = fopen(b->verify_log, "a");
	if (log) {
		fputs(out ? out : "", log);
		fclose(log);
	}
	free(out);
	strlist_free(&argv);
	strlist_free(&env);
	if (spawn_interrupted())
		return step_interrupted(b, "verify");
	return rc == 0 ? 0 : 1;
}

/* Asks the build's own module checker, with PYTHONSTRICTEXTENSIONBUILD
 * set, whether an extension module failed to build: "make
 * checksharedmods" from 3.12, setup.py (run by "make sharedmods") before. */
static int check_extension_build(struct build *b)
{
	char *makefile = str_join(b->dir, "/Makefile", "");
	struct stat st;
	bool built = stat(makefile, &st) == 0;
	free(makefile);
	if (!built) {
		printf("      no build folder in %s: extension build check skipped\n", b->out);
		return 0;
	}
	struct strlist env = { 0 };
	strlist_add(&env, xstrdup("PYTHONSTRICTEXTENSIONBUILD=1"));
	int rc = step_make(b, b->minor >= 12 ? "checksharedmods" : "sharedmods", &env, "verify.log",
			    "the extension module check", NULL);
	strlist_free(&env);
	return rc;
}

/* The emulator words of a cross build (BUILD_HOST_EMULATOR, split at
 * blanks), in `words`; false when there is none or it is not installed,
 * after saying which checks are skipped. */
static bool find_emulator(struct build *b, struct strlist *words)
{
	const char *command = sym_string_if_applies(b->kc, "BUILD_HOST_EMULATOR");
	char *copy = xstrdup(command);
	for (char *w = strtok(copy, " \t"); w; w = strtok(NULL, " \t"))
		strlist_add(words, xstrdup(w));
	free(copy);
	char *found = words->n ? step_find_program(words->items[0]) : NULL;
	bool usable = found != NULL;
	free(found);
	if (!usable) {
		if (words->n)
			printf("      the emulator %s is not installed (Debian: qemu-user)\n", words->items[0]);
		else
			printf("      cross build and no emulator (BUILD_HOST_EMULATOR) to run the interpreter\n");
		printf("      NOT VERIFIED: skipped platform.machine(), CONFIG_ARGS, abiflags, Py_DEBUG,\n"
		       "      Py_GIL_DISABLED and the module imports\n");
		b->unverified = true;
	}
	return usable;
}

int verify_install(struct build *b)
{
	free(b->verify_log);
	b->verify_log = str_join(b->logs, "/verify.log", "");
	b->unverified = false;
	int extensions = check_extension_build(b);
	if (extensions > 1)
		return extensions; /* interrupted */
	struct strlist emulator = { 0 };
	bool cross = *sym_string_if_applies(b->kc, "ARG_HOST") != '\0';
	int interpreter = 0;
	if (!cross || find_emulator(b, &emulator))
		interpreter = check_interpreter(b, &emulator);
	strlist_free(&emulator);
	if (interpreter > 1)
		return interpreter;
	if (interpreter)
		step_failed("verify", b->verify_log);
	return extensions || interpreter;
}
