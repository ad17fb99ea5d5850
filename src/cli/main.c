/* cpyconf: the command-line front end of the Kconfig engine. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/commands.h"
#include "util/diag.h"

static void usage(FILE *out)
{
	fputs("usage: cpyconf [-C DIR] [--kconfig FILE] [--config FILE] COMMAND [ARGS]\n"
	      "\n"
	      "Files: --kconfig defaults to ./Kconfig; --config to $KCONFIG_CONFIG or ./.config.\n"
	      "-C DIR runs in DIR first, as make -C does.\n"
	      "\n"
	      "Commands that write the config file (the previous one is kept as FILE.old):\n"
	      "  olddefconfig          resolve the config; new symbols get their defaults\n"
	      "  defconfig FILE        start from the minimal config FILE\n"
	      "  alldefconfig          every symbol at its default\n"
	      "  allnoconfig           as many bool symbols n as possible\n"
	      "  allyesconfig          as many bool symbols y as possible\n"
	      "  randconfig [--seed N] random bool values and choices (seed also from KCONFIG_SEED;\n"
	      "                        values in $KCONFIG_ALLCONFIG stay fixed)\n"
	      "  import [--full] [--keep-unknown] [--version X.Y] [-o FILE]\n"
	      "         (LINE | --from-file FILE|- | --from-python PATH | --from-build DIR | -- ARG...)\n"
	      "                        turn a configure command line into a config (minimal, or\n"
	      "                        resolved with --full; to -o FILE or the config file) and\n"
	      "                        say what became of each argument; --keep-unknown puts what\n"
	      "                        no symbol holds into CONFIG_EXTRA_CONFIGURE_ARGS\n"
	      "Commands that only read:\n"
	      "  savedefconfig FILE    write the minimal config that gives the same values (the\n"
	      "                        comment lines FILE has on top and above its lines stay)\n"
	      "  listnewconfig         list visible symbols the config does not set\n"
	      "  check [FILE]          validate FILE (default: the config file) without changing it\n"
	      "  args [--explicit] [--format shell|lines|json]\n"
	      "                        the configure arguments, environment and make variables\n"
	      "                        (and a cross build's config.site answers: site: lines)\n"
	      "  symbols               every symbol: type, whether it applies, value\n"
	      "  build                 fetch the sources, configure, make, install and verify\n"
	      "                        CPython (output in $O, default ./output; PYTHON_SRC=DIR\n"
	      "                        uses a local tree; JOBS=N sets make -j; V=1 shows the\n"
	      "                        output of configure and make as well as logging it)\n"
	      "  configure             the first two steps of build only: the sources and the\n"
	      "                        checks before configure, then configure in $O/build\n"
	      "  verify                check the interpreter installed by build against the config\n"
	      "  config-site           write the config.site of a cross build's answers into $O\n"
	      "                        (what args names as CONFIG_SITE), for running configure\n"
	      "                        by hand; build writes it too\n"
	      "  ccache-stats          ccache's statistics for the config's compiler cache\n"
	      "  source-version        the CPython series of the source tree at hand (PYTHON_SRC,\n"
	      "                        a local tree, a tarball or git commit in the cache), or an\n"
	      "                        empty line; every command sets PY_SOURCE_VERSION to it\n"
	      "                        unless the environment gives one\n"
	      "\n"
	      "Exit status: 0 on success, 1 when the input has errors, 2 on a usage error.\n",
	      out);
}

int main(int argc, char **argv)
{
	struct options opt = { .kconfig = "Kconfig" };
	const char *env_config = getenv("KCONFIG_CONFIG");
	opt.config = env_config && *env_config ? env_config : ".config";
	int i = 1;
	for (; i < argc && argv[i][0] == '-'; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			usage(stdout);
			return 0;
		}
		if (i + 1 >= argc) {
			fprintf(stderr, "cpyconf: %s needs an argument\n", a);
			return 2;
		}
		if (argv[i + 1][0] == '\0') {
			fprintf(stderr, "cpyconf: %s needs a non-empty argument\n", a);
			return 2;
		}
		if (!strcmp(a, "-C")) {
			if (chdir(argv[++i]) != 0) {
				fprintf(stderr, "cpyconf: cannot change to '%s': %s\n", argv[i], strerror(errno));
				return 2;
			}
		} else if (!strcmp(a, "--kconfig")) {
			opt.kconfig = argv[++i];
		} else if (!strcmp(a, "--config")) {
			opt.config = argv[++i];
		} else {
			fprintf(stderr, "cpyconf: unknown option '%s'\n", a);
			usage(stderr);
			return 2;
		}
	}
	if (i >= argc) {
		usage(stderr);
		return 2;
	}
	opt.command = argv[i];
	opt.args = argv + i + 1;
	opt.n_args = argc - i - 1;
	return cli_dispatch(&opt);
}
