/* Reading and writing .config files and minimal defconfigs. */
#ifndef CPYCONF_CONFIO_H
#define CPYCONF_CONFIO_H

#include <stdbool.h>
#include "kconfig/kconfig.h"

/* Replaces all user values with the assignments in `path`. Problems are
 * reported with file and line; with `strict` (the check command) an
 * unknown symbol, a repeated assignment or an assignment that does not take
 * effect is an error, otherwise a warning. Returns the number of errors. */
int config_read(struct kconfig *kc, const char *path, bool strict);

/* After resolving: reports (an error, or with !strict a warning for what
 * a lenient read tolerates) why the user value `wanted` (NULL: n) given to
 * `s` at file:line did not take effect: out of range, selected, unmet
 * dependencies, another choice member, or overridden. */
void config_check_honored(struct kconfig *kc, bool strict, const char *file, int line, struct symbol *s,
			  const char *wanted);

/* The full .config text / the minimal defconfig text (caller frees). */
/* `header_note`, when given, is a comment line of the caller's for the
 * header (the program that wrote the file, its format). */
char *config_text(struct kconfig *kc, const char *header_note);
char *defconfig_text(struct kconfig *kc);

/* One symbol's line as it appears in a .config, without newline. */
char *config_line(struct kconfig *kc, struct symbol *s);

#endif
