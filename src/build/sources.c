#include "build/sources.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/diag.h"
#include "util/textfile.h"

char *tree_version(const char *src)
{
	char *path = str_join(src, "/Include/patchlevel.h", "");
	size_t len;
	char *text = read_text_file(path, NULL, 0, &len);
	free(path);
	if (!text)
		return NULL;
	char *version = NULL;
	const char *p = strstr(text, "#define PY_VERSION");
	if (p && (p = strchr(p, '"'))) {
		size_t n = strcspn(p + 1, "\"\n");
		version = xmalloc(n + 1);
		memcpy(version, p + 1, n);
		version[n] = '\0';
	}
	free(text);
	return version;
}

char *tree_series(const char *src)
{
	char *version = tree_version(src);
	char *series = NULL;
	int major, minor;
	if (version && sscanf(version, "%d.%d", &major, &minor) == 2) {
		series = xmalloc(24);
		snprintf(series, 24, "%d.%d", major, minor);
	}
	free(version);
	return series;
}

char *sources_cache_dir(struct kconfig *kc)
{
	const char *dir = sym_string_if_applies(kc, "SOURCE_CACHE_DIR");
	if (*dir)
		return xstrdup(dir);
	const char *env = getenv("CPYCONF_CACHE");
	if (env && *env)
		return xstrdup(env);
	const char *home = getenv("HOME");
	return str_join(home && *home ? home : "/tmp", "/.cache/cpyconf", "");
}

/* A tree a fetch script finished unpacking into the cache, or NULL. */
static char *cached_tree(struct kconfig *kc, const char *name)
{
	char *cache = sources_cache_dir(kc);
	char *tree = str_join(cache, "/src/", name);
	char *mark = str_join(tree, "/.cpyconf-complete", "");
	free(cache);
	bool complete = access(mark, F_OK) == 0;
	free(mark);
	if (complete)
		return tree;
	free(tree);
	return NULL;
}

static bool is_commit_id(const char *s)
{
	return strlen(s) == 40 && strspn(s, "0123456789abcdef") == 40;
}

char *source_tree_at_hand(struct kconfig *kc)
{
	const char *env_src = getenv("PYTHON_SRC");
	if (env_src && *env_src)
		return xstrdup(env_src);
	if (sym_is_y(kc, "SOURCE_LOCAL")) {
		const char *dir = sym_string_if_applies(kc, "SOURCE_LOCAL_DIR");
		return *dir ? xstrdup(dir) : NULL;
	}
	if (sym_is_y(kc, "SOURCE_TARBALL")) {
		char *name = str_join("tarball-", sym_string_if_applies(kc, "SOURCE_TARBALL_SHA256"), "");
		for (char *p = name; *p; p++)
			*p = (char)tolower((unsigned char)*p);
		char *tree = cached_tree(kc, name);
		free(name);
		return tree;
	}
	if (sym_is_y(kc, "SOURCE_GIT")) {
		const char *ref = sym_string_if_applies(kc, "SOURCE_GIT_REF");
		if (!is_commit_id(ref))
			return NULL;
		char *name = str_join("git-", ref, "");
		char *tree = cached_tree(kc, name);
		free(name);
		return tree;
	}
	return NULL;
}

/* The fetch script for the Source menu's choice, with its arguments. */
static void fetch_command(struct build *b, struct strlist *argv)
{
	struct kconfig *kc = b->kc;
	if (sym_is_y(kc, "SOURCE_TARBALL")) {
		strlist_add(argv, str_join(b->top, "/scripts/fetch-tarball", ""));
		strlist_add(argv, xstrdup(sym_string_if_applies(kc, "SOURCE_TARBALL_URL")));
		strlist_add(argv, xstrdup(sym_string_if_applies(kc, "SOURCE_TARBALL_SHA256")));
	} else if (sym_is_y(kc, "SOURCE_GIT")) {
		strlist_add(argv, str_join(b->top, "/scripts/fetch-git", ""));
		strlist_add(argv, xstrdup(sym_string_if_applies(kc, "SOURCE_GIT_URL")));
		strlist_add(argv, xstrdup(sym_string_if_applies(kc, "SOURCE_GIT_REF")));
	} else {
		strlist_add(argv, str_join(b->top, "/scripts/fetch-cpython", ""));
		strlist_add(argv, xstrdup(b->series));
	}
	strlist_add(argv, NULL);
	argv->n--;
}

static int fetch_sources(struct build *b)
{
	char *log = str_join(b->logs, "/fetch.log", "");
	struct strlist env = { 0 }, argv = { 0 };
	const char *cache = sym_string_if_applies(b->kc, "SOURCE_CACHE_DIR");
	if (*cache)
		strlist_add(&env, str_join("CPYCONF_CACHE=", cache, ""));
	fetch_command(b, &argv);
	char *out = NULL;
	struct spawn r = { .argv = argv.items, .env = &env, .log = log, .capture = &out };
	int rc = spawn_run(&r);
	if (rc == 0 && out && *out) {
		out[strcspn(out, "\n")] = '\0';
		b->src = xstrdup(out);
	} else if (spawn_interrupted()) {
		rc = step_interrupted(b, "fetching the sources");
	} else {
		rc = step_failed("fetching the sources", log);
	}
	free(out);
	strlist_free(&argv);
	strlist_free(&env);
	free(log);
	return rc;
}

int find_sources(struct build *b)
{
	const char *env_src = getenv("PYTHON_SRC");
	const char *local = env_src && *env_src ? env_src
			    : sym_is_y(b->kc, "SOURCE_LOCAL") ? sym_string_if_applies(b->kc, "SOURCE_LOCAL_DIR")
							      : NULL;
	if (local) {
		b->src = realpath(local, NULL);
		if (!b->src) {
			error_plain("source tree '%s': %s", local, strerror(errno));
			return 1;
		}
	} else {
		int rc = fetch_sources(b);
		if (rc)
			return rc;
	}
	char *have = tree_series(b->src);
	int rc = 0;
	if (!have || strcmp(have, b->series)) {
		error_plain("the config targets CPython %s but %s is CPython %s", b->series, b->src,
			    have ? have : "(unknown)");
		rc = 1;
	}
	free(have);
	return rc;
}
