#include "build/toolwrap.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "build/musl.h"
#include "util/diag.h"

/* The program name a compiler variable names (its first word), or NULL
 * when it is unset. A path cannot be wrapped through PATH: error. */
static int compiler_name(struct build *b, const char *symbol, char **name)
{
	const char *value = sym_string_if_applies(b->kc, symbol);
	*name = NULL;
	value += strspn(value, " \t");
	if (!*value)
		return 0;
	size_t len = strcspn(value, " \t");
	if (memchr(value, '/', len)) {
		error_plain("%s is '%s': with ccache or distcc on, name a compiler found in PATH "
			    "(for example gcc-12) so cpyconf can wrap it", symbol + 4, value);
		return 1;
	}
	*name = xmalloc(len + 1);
	memcpy(*name, value, len);
	(*name)[len] = '\0';
	return 0;
}

static void add_link(const char *dir, const char *name, const char *target)
{
	char *link = str_join(dir, "/", name);
	unlink(link);
	if (symlink(target, link) != 0)
		error_plain("cannot create %s: %s", link, strerror(errno));
	free(link);
}

/* A folder of links named after the compilers, pointing at ccache or
 * distcc, first in PATH: both find the real compiler further along PATH.
 * configure records the plain names, as it would without them. */
static int make_wrapper_dir(struct build *b, const char *wrapper)
{
	char *dir = str_join(b->out, "/wrappers", "");
	mkdir(dir, 0777);
	DIR *d = opendir(dir);
	for (struct dirent *e; d && (e = readdir(d));) {
		if (e->d_name[0] != '.') {
			char *old = str_join(dir, "/", e->d_name);
			unlink(old);
			free(old);
		}
	}
	if (d)
		closedir(d);
	static const char *const compilers[] = { "cc", "gcc", "c++", "g++", "clang", "clang++" };
	for (size_t i = 0; i < sizeof compilers / sizeof compilers[0]; i++)
		add_link(dir, compilers[i], wrapper);
	const char *host = sym_string_if_applies(b->kc, "ARG_HOST");
	if (*host) {
		static const char *const cross[] = { "-gcc", "-g++", "-cc", "-c++", "-clang", "-clang++" };
		for (size_t i = 0; i < sizeof cross / sizeof cross[0]; i++) {
			char *name = str_join(host, cross[i], "");
			add_link(dir, name, wrapper);
			free(name);
		}
	}
	int rc = 0;
	static const char *const variables[] = { "VAR_CC", "VAR_CXX" };
	for (size_t i = 0; i < 2 && rc == 0; i++) {
		char *name;
		rc = compiler_name(b, variables[i], &name);
		if (name)
			add_link(dir, name, wrapper);
		free(name);
	}
	/* before the musl-gcc stand-in, if there is one: ccache and distcc
	 * then find it as the compiler further along PATH */
	int at = b->env.n;
	for (int i = 0; i < b->env.n; i++)
		if (!strncmp(b->env.items[i], "PATH=", 5))
			at = i;
	const char *path = at < b->env.n ? b->env.items[at] + 5 : getenv("PATH");
	char *value = str_join(dir, path && *path ? ":" : "", path && *path ? path : "");
	char *entry = str_join("PATH=", value, "");
	free(value);
	if (at < b->env.n) {
		free(b->env.items[at]);
		b->env.items[at] = entry;
	} else {
		strlist_add(&b->env, entry);
	}
	free(dir);
	return rc;
}

static int wrap_compilers(struct build *b)
{
	bool ccache = sym_is_y(b->kc, "BUILD_CCACHE"), distcc = sym_is_y(b->kc, "BUILD_DISTCC");
	if (!ccache && !distcc)
		return 0;
	const char *tool = ccache ? "ccache" : "distcc";
	char *wrapper = step_find_program(tool);
	char *distcc_path = distcc ? step_find_program("distcc") : NULL;
	bool missing = !wrapper || (distcc && !distcc_path);
	if (missing) {
		const char *program = !wrapper ? tool : "distcc";
		error_plain("%s is on in the config but %s is not installed (Debian: apt-get install %s)",
			    !wrapper && ccache ? "BUILD_CCACHE" : "BUILD_DISTCC", program, program);
	}
	free(distcc_path);
	if (missing) {
		free(wrapper);
		return 1;
	}
	if (ccache) {
		const char *dir = sym_string_if_applies(b->kc, "BUILD_CCACHE_DIR");
		if (*dir)
			strlist_add(&b->env, str_join("CCACHE_DIR=", dir, ""));
		if (distcc)
			strlist_add(&b->env, xstrdup("CCACHE_PREFIX=distcc"));
	}
	if (distcc) {
		/* config_validate() made sure it names a server */
		const char *hosts = sym_string_if_applies(b->kc, "BUILD_DISTCC_HOSTS");
		strlist_add(&b->env, str_join("DISTCC_HOSTS=", hosts, ""));
	}
	int rc = make_wrapper_dir(b, wrapper);
	free(wrapper);
	return rc;
}

static bool all_digits(const char *s)
{
	return *s && strspn(s, "0123456789") == strlen(s);
}

/* SOURCE_DATE_EPOCH: the config's, the environment's, or the mtime of
 * Include/patchlevel.h (a tarball keeps the release date there). */
static int reproducible_settings(struct build *b)
{
	if (!sym_is_y(b->kc, "BUILD_REPRODUCIBLE"))
		return 0;
	const char *configured = sym_string_if_applies(b->kc, "BUILD_SOURCE_DATE_EPOCH");
	const char *from_env = getenv("SOURCE_DATE_EPOCH");
	char epoch[32];
	if (*configured) { /* a number: config_validate() */
		snprintf(epoch, sizeof epoch, "%s", configured);
	} else if (from_env && all_digits(from_env)) {
		snprintf(epoch, sizeof epoch, "%s", from_env);
	} else {
		char *patchlevel = str_join(b->src, "/Include/patchlevel.h", "");
		struct stat st;
		int ok = stat(patchlevel, &st);
		free(patchlevel);
		if (ok != 0) {
			error_plain("cannot date the sources for SOURCE_DATE_EPOCH: %s", strerror(errno));
			return 1;
		}
		snprintf(epoch, sizeof epoch, "%lld", (long long)st.st_mtime);
	}
	strlist_add(&b->env, str_join("SOURCE_DATE_EPOCH=", epoch, ""));
	strlist_add(&b->env, xstrdup("PYTHONHASHSEED=0"));
	strlist_add(&b->env, xstrdup("TZ=UTC"));
	printf("      reproducible: SOURCE_DATE_EPOCH=%s\n", epoch);
	return 0;
}

int build_environment(struct build *b)
{
	for (int i = 0; i < b->t.environment.n; i++)
		strlist_add(&b->env, xstrdup(b->t.environment.items[i]));
	int rc;
	char *path = musl_wrap_compiler(b, getenv("PATH"), &rc);
	if (path)
		strlist_add(&b->env, str_join("PATH=", path, ""));
	free(path);
	return rc || wrap_compilers(b) || reproducible_settings(b);
}

int ccache_show_stats(struct kconfig *kc)
{
	struct strlist env = { 0 };
	const char *dir = sym_string_if_applies(kc, "BUILD_CCACHE_DIR");
	if (!sym_is_y(kc, "BUILD_CCACHE"))
		printf("note: BUILD_CCACHE is off in this config\n");
	if (*dir)
		strlist_add(&env, str_join("CCACHE_DIR=", dir, ""));
	char *argv[] = { "ccache", "--show-stats", NULL };
	struct spawn r = { .argv = argv, .env = &env };
	int rc = spawn_run(&r) == 0 ? 0 : 1;
	strlist_free(&env);
	return rc;
}
