/* The comments of a minimal config that savedefconfig keeps when it
 * writes the file again: the leading block (a preset's description) stays
 * on top, and each later block of comment lines stays above the
 * assignment it stood directly above, as long as the minimal config still
 * sets that symbol. */
#ifndef CPYCONF_CLI_DEFCONFIG_NOTES_H
#define CPYCONF_CLI_DEFCONFIG_NOTES_H

/* BODY (lines "CONFIG_X=..." and "# CONFIG_X is not set") with the
 * comments of the existing file PATH put back, as a new string. A comment
 * that cannot be kept (its symbol is no longer set, or no assignment
 * stands under it) is a warning with its line. A PATH that does not
 * exist gives BODY as it is; NULL after a read error. */
char *defconfig_with_notes(const char *path, const char *body);

#endif
