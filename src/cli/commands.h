/* The subcommands of cpyconf. */
#ifndef CPYCONF_COMMANDS_H
#define CPYCONF_COMMANDS_H

struct options {
	const char *kconfig;
	const char *config;
	const char *command;
	char **args;
	int n_args;
};

/* Runs opt->command; returns the exit status. */
int cli_dispatch(const struct options *opt);

/* build_commands.c */
int cmd_build(const struct options *opt);
int cmd_verify(const struct options *opt);
int cmd_ccache_stats(const struct options *opt);

/* import_command.c */
int cmd_import(const struct options *opt);

#endif
