#include "build/configcache.h"

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "build/sources.h"
#include "util/atomicwrite.h"
#include "util/diag.h"
#include "util/textfile.h"

extern char **environ;

/* 64-bit FNV-1a: the key only has to tell inputs apart, not resist an
 * attacker (whoever can write the cache folder can write the sources). */
struct key {
	uint64_t h;
};

static void key_add(struct key *k, const void *data, size_t len)
{
	const unsigned char *p = data;
	for (size_t i = 0; i < len; i++) {
		k->h ^= p[i];
		k->h *= UINT64_C(0x100000001b3);
	}
	/* a separator, so that "ab" + "c" and "a" + "bc" differ */
	k->h ^= 0xff;
	k->h *= UINT64_C(0x100000001b3);
}

static void key_add_string(struct key *k, const char *s)
{
	key_add(k, s, strlen(s));
}

/* A whole file's bytes; a missing file adds a mark of its own. */
static void key_add_file(struct key *k, const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		key_add_string(k, "(no file)");
		return;
	}
	char buf[65536];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		key_add(k, buf, n);
	fclose(f);
}

/* A folder's identity and time stamp: it changes when an entry is added,
 * removed or renamed in it. */
static void key_add_folder(struct key *k, const char *path)
{
	struct stat st;
	char text[160];
	if (stat(path, &st) != 0)
		snprintf(text, sizeof text, "(none)");
	else
		snprintf(text, sizeof text, "%ju:%ju:%jd.%09ld", (uintmax_t)st.st_dev, (uintmax_t)st.st_ino,
			 (intmax_t)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
	key_add_string(k, path);
	key_add_string(k, text);
}

/* Every folder of a colon-separated list, except those in the output
 * folder: cpyconf writes its compiler wrappers there anew for each build,
 * and the config, part of the key, decides what they are. */
static void key_add_folders(struct key *k, const char *list, const char *out)
{
	char *copy = xstrdup(list ? list : "");
	size_t out_len = strlen(out);
	for (char *dir = strtok(copy, ":"); dir; dir = strtok(NULL, ":"))
		if (strncmp(dir, out, out_len) || (dir[out_len] && dir[out_len] != '/'))
			key_add_folder(k, dir);
	free(copy);
}

/* Variables of the shell, the terminal and make that configure's checks
 * do not read and that change from one run to the next. */
static bool ignored_variable(const char *entry)
{
	static const char *const names[] = { "PWD", "OLDPWD", "SHLVL", "_", "TERM", "COLUMNS", "LINES",
					     "MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES",
					     "SSH_CLIENT", "SSH_CONNECTION", "SSH_TTY", "TMUX", "TMUX_PANE",
					     "WINDOWID", "DISPLAY", "XAUTHORITY", "V", "O", "JOBS" };
	size_t len = strcspn(entry, "=");
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strlen(names[i]) == len && !strncmp(entry, names[i], len))
			return true;
	return false;
}

static const char *variable_in(const struct strlist *env, const char *name)
{
	size_t len = strlen(name);
	const char *value = NULL;
	for (int i = 0; i < env->n; i++)
		if (!strncmp(env->items[i], name, len) && env->items[i][len] == '=')
			value = env->items[i] + len + 1;
	return value;
}

/* configure's environment: ours, then what the build sets on top. */
static void key_add_environment(struct key *k, const struct build *b)
{
	struct strlist env = { 0 };
	for (char **e = environ; *e; e++)
		if (!ignored_variable(*e))
			strlist_add(&env, xstrdup(*e));
	if (env.n > 1)
		qsort(env.items, (size_t)env.n, sizeof *env.items, compare_strings);
	for (int i = 0; i < env.n; i++)
		key_add_string(k, env.items[i]);
	strlist_free(&env);
	key_add_string(k, "(build)");
	for (int i = 0; i < b->env.n; i++)
		key_add_string(k, b->env.items[i]);
}

static bool uses_own_cache_file(const struct build *b)
{
	for (int i = 0; i < b->all_args.n; i++) {
		const char *a = b->all_args.items[i];
		if (!strcmp(a, "-C") || !strncmp(a, "--config-cache", 14) || !strncmp(a, "--cache-file", 12))
			return true;
	}
	return false;
}

char *configure_cache_file(struct build *b)
{
	if (!sym_is_y(b->kc, "BUILD_CONFIGURE_CACHE") || uses_own_cache_file(b) || getenv("CONFIG_SITE") ||
	    variable_in(&b->env, "CONFIG_SITE"))
		return NULL;
	struct key k = { UINT64_C(0xcbf29ce484222325) };
	key_add_string(&k, "cpyconf configure answers 1");
	key_add_string(&k, b->src);
	char *configure = str_join(b->src, "/configure", "");
	key_add_file(&k, configure);
	free(configure);
	key_add_string(&k, "(arguments)");
	for (int i = 0; i < b->all_args.n; i++)
		key_add_string(&k, b->all_args.items[i]);
	key_add_environment(&k, b);
	key_add_file(&k, "/var/lib/dpkg/status");
	static const char *const local[] = { "/usr/local/include", "/usr/local/lib", "/usr/local/lib64",
					     "/usr/local/lib/pkgconfig", "/usr/local/share/pkgconfig" };
	for (size_t i = 0; i < sizeof local / sizeof local[0]; i++)
		key_add_folder(&k, local[i]);
	const char *path = variable_in(&b->env, "PATH");
	key_add_folders(&k, path ? path : getenv("PATH"), b->out);
	const char *pkg = variable_in(&b->env, "PKG_CONFIG_PATH");
	key_add_folders(&k, pkg ? pkg : getenv("PKG_CONFIG_PATH"), b->out);

	char *cache = sources_cache_dir(b->kc);
	char *dir = str_join(cache, "/configure", "");
	char *file = NULL;
	if ((mkdir(cache, 0777) != 0 && errno != EEXIST) || (mkdir(dir, 0777) != 0 && errno != EEXIST)) {
		warning_at(NULL, 0, "cannot create %s: %s; configure runs without its cache", dir, strerror(errno));
	} else {
		char name[32];
		snprintf(name, sizeof name, "/%016" PRIx64 ".site", k.h);
		file = str_join(dir, name, "");
	}
	free(cache);
	free(dir);
	return file;
}

/* A line of the cache dump: NAME=VALUE with a shell name. */
static bool assignment(const char *line, size_t len)
{
	size_t n = 0;
	while (n < len && (isalnum((unsigned char)line[n]) || line[n] == '_'))
		n++;
	return n > 0 && !isdigit((unsigned char)line[0]) && n < len && line[n] == '=';
}

static bool dropped(const char *line)
{
	return !strncmp(line, "ac_cv_env_", 10) || !strncmp(line, "ac_cv_wl_no_as_needed=", 22) ||
	       !strncmp(line, "ac_cv_gcc_asm_for_x64=", 22);
}

void configure_cache_save(struct build *b, const char *file)
{
	char *log = str_join(b->dir, "/config.log", "");
	size_t len;
	char *text = read_text_file(log, NULL, 0, &len);
	free(log);
	const char *start = text ? strstr(text, "\n## Cache variables. ##\n") : NULL;
	if (!start) {
		free(text);
		return;
	}
	start = strchr(start + 1, '\n') + 1;
	start = strchr(start, '\n') + 1; /* the "## ---" line under the heading */
	static const char header[] = "# configure's answers, kept by cpyconf (BUILD_CONFIGURE_CACHE)\n";
	char *site = xmalloc(sizeof header + len);
	size_t used = strlen(header);
	memcpy(site, header, used);
	bool plain = true;
	for (const char *line = start; *line && strncmp(line, "## ", 3) && plain;) {
		size_t n = strcspn(line, "\n");
		if (n > 0 && !assignment(line, n)) {
			plain = false;
		} else if (n > 0 && !dropped(line)) {
			memcpy(site + used, line, n);
			used += n;
			site[used++] = '\n';
		}
		line += n + (line[n] == '\n');
	}
	site[used] = '\0';
	if (plain && write_file_atomic(file, site, used, false) == 0)
		printf("      configure's answers kept for the next identical run\n");
	free(site);
	free(text);
}
