/* One validation of a config for every command that judges it: check,
 * args and build (before anything runs) refuse the same configs with the
 * same messages. */
#ifndef CPYCONF_VALIDATE_H
#define CPYCONF_VALIDATE_H

#include "kconfig/kconfig.h"
#include "translate/translate.h"

/* What is wrong with the config on any machine: what the translator
 * refuses (the escape hatch), distcc without servers, a SOURCE_DATE_EPOCH
 * that is not a number. Reports every problem and returns how many there
 * were; `t` holds the translation (`explicit` as for translate()) either
 * way, to free. Installed tools, source trees and a tree without target
 * versions (a test's small Kconfig) are the build's to check. */
int config_validate(struct kconfig *kc, bool explicit, struct translation *t);

#endif
