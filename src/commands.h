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

int run_command(const struct options *opt);

#endif
