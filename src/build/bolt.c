#include "build/bolt.h"

#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/diag.h"

/* The number N of a /usr/lib/llvm-N/bin path. */
static long llvm_major(const char *path)
{
	const char *p = strstr(path, "/llvm-");
	return p ? strtol(p + 6, NULL, 10) : 0;
}

/* PROGRAM in Debian's newest /usr/lib/llvm-N/bin, or NULL. */
static char *in_newest_llvm(const char *program)
{
	char *pattern = str_join("/usr/lib/llvm-*/bin/", program, "");
	glob_t g;
	char *best = NULL;
	if (glob(pattern, 0, NULL, &g) == 0) {
		for (size_t i = 0; i < g.gl_pathc; i++)
			if (access(g.gl_pathv[i], X_OK) == 0 &&
			    (!best || llvm_major(g.gl_pathv[i]) > llvm_major(best))) {
				free(best);
				best = xstrdup(g.gl_pathv[i]);
			}
		globfree(&g);
	}
	free(pattern);
	return best;
}

/* PROGRAM beside the file NEIGHBOUR, or NULL. */
static char *beside(const char *neighbour, const char *program)
{
	const char *slash = neighbour ? strrchr(neighbour, '/') : NULL;
	if (!slash)
		return NULL;
	char *dir = xstrndup(neighbour, (size_t)(slash - neighbour));
	char *path = str_join(dir, "/", program);
	free(dir);
	if (access(path, X_OK) == 0)
		return path;
	free(path);
	return NULL;
}

/* One tool: the config's path (which must exist), else a search. Adds
 * VARIABLE=path to the build's environment when it was searched for. */
static int find_tool(struct build *b, const char *symbol, const char *variable, const char *program,
		     const char *neighbour, char **found)
{
	const char *given = sym_string_if_applies(b->kc, symbol);
	if (*given) {
		*found = step_find_program(given);
		if (!*found)
			error_plain("%s (%s) is not an executable program: %s", variable, symbol, given);
		return *found ? 0 : 1;
	}
	*found = beside(neighbour, program);
	if (!*found)
		*found = step_find_program(program);
	if (!*found)
		*found = in_newest_llvm(program);
	if (!*found) {
		const char *package = sym_string_if_applies(b->kc, "BUILD_BOLT_PACKAGE");
		if (*package)
			error_plain("%s is needed for BOLT (ENABLE_BOLT) but is not installed: Debian's package %s "
				    "has it (`make` installs it, as does scripts/install-deps --for-config CONFIG), "
				    "or name it in %s",
				    program, package, symbol);
		else
			error_plain("%s is needed for BOLT (ENABLE_BOLT) but is not in PATH or /usr/lib/llvm-N/bin; "
				    "name it in %s",
				    program, symbol);
		return 1;
	}
	strlist_add(&b->env, str_join(variable, "=", *found));
	return 0;
}

int bolt_find_tools(struct build *b)
{
	if (!sym_is_y(b->kc, "ENABLE_BOLT"))
		return 0;
	char *bolt = NULL, *merge = NULL;
	int rc = find_tool(b, "VAR_LLVM_BOLT", "LLVM_BOLT", "llvm-bolt", NULL, &bolt);
	if (rc == 0)
		rc = find_tool(b, "VAR_MERGE_FDATA", "MERGE_FDATA", "merge-fdata", bolt, &merge);
	if (rc == 0)
		printf("      BOLT: %s, %s\n", bolt, merge);
	free(bolt);
	free(merge);
	return rc;
}
