/* The subcommands of cpyconf. */
#ifndef CPYCONF_COMMANDS_H
#define CPYCONF_COMMANDS_H

#include "kconfig/kconfig.h"

struct options {
	const char *kconfig;
	const char *config;
	const char *command;
	char **args;
	int n_args;
};

/* Runs opt->command; returns the exit status. */
int cli_dispatch(const struct options *opt);

/* source_version.c: sets PY_SOURCE_VERSION from the source tree at hand
 * unless the environment gives it; cmd_source_version prints it. */
void cli_set_source_version(const struct options *opt);
int cmd_source_version(const struct options *opt);
/* An error (returns 1) when the target version differs from the series of
 * the tree the version was read from. */
int cli_check_source_version(struct kconfig *kc, const char *config);

/* version_move.c: the .config header line that names the target version,
 * and the notes when a write moves a config to another version. */
char *version_header_line(struct kconfig *kc);
void report_version_move(struct kconfig *kc, const char *path);

/* build_commands.c */
int cmd_build(const struct options *opt);
int cmd_configure(const struct options *opt);
int cmd_verify(const struct options *opt);
int cmd_config_site(const struct options *opt);
int cmd_ccache_stats(const struct options *opt);

/* import_command.c */
int cmd_import(const struct options *opt);

#endif
