/* One validation of a config for every command that judges it: check,
 * args and build (before anything runs) refuse the same configs with the
 * same messages. */
#ifndef CPYCONF_VALIDATE_H
#define CPYCONF_VALIDATE_H

#include "kconfig/kconfig.h"

/* What is wrong with the config's values on any machine: an escape-hatch
 * word that is refused, distcc without servers, a SOURCE_DATE_EPOCH that
 * is not a number, and the values configure itself would refuse (a
 * relative --with-tzpath folder, an unknown dbm backend, thin LTO or
 * MSan with a CC that names GCC, a cross build without --build or
 * --with-build-python: tests/configure/configure-errors.tsv), and a
 * BUILD_BUILTIN_MODULES list with a word that is no module name, a name
 * twice or a module the config switches off. Reports every problem and
 * returns how many there were.
 * Not here: the tree's own naming (translate() reports a symbol whose
 * name maps to nothing; check also serves trees that follow no naming
 * rule), installed tools, source trees, the target version. */
int config_validate(struct kconfig *kc);

/* What only `build` refuses before configure runs: an iOS build without a
 * framework (configure has no default there; refusing it in check would
 * also refuse the iOS configs randconfig makes, whose strings stay
 * empty). */
int config_build_precheck(struct kconfig *kc);

#endif
