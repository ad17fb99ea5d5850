#include "runner.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "confio.h"
#include "diag.h"
#include "spawn.h"
#include "textfile.h"

#define STEPS 5

static void step(int n, const char *what)
{
	printf("[%d/%d] %s\n", n, STEPS, what);
	fflush(stdout);
}

/* The failing step's log: its path and last lines. */
static int failed(const char *what, const char *log)
{
	fprintf(stderr, "cpyconf: %s failed; log: %s\n", what, log);
	size_t len;
	char *text = log ? read_text_file(log, NULL, 0, &len) : NULL;
	if (text) {
		int lines = 0;
		size_t i = len;
		while (i > 0 && lines < 25)
			if (text[--i] == '\n')
				lines++;
		fprintf(stderr, "--- last lines of the log:\n%s", text + (i ? i + 1 : 0));
		free(text);
	}
	return 1;
}

/* "3.13" from the selected PY_VERSION_3_13 */
static bool target_series(struct kconfig *kc, char *out, size_t size)
{
	struct symbol *s;
	for_each_defined(kc, s) {
		if (!strncmp(s->name, "PY_VERSION_3_", 13) && sym_tri(kc, s) == 2) {
			snprintf(out, size, "3.%s", s->name + 13);
			return true;
		}
	}
	return false;
}

/* "3.13" from the tree's Include/patchlevel.h, or NULL */
static char *tree_series(const char *src)
{
	char *path = str_join(src, "/Include/patchlevel.h", "");
	size_t len;
	char *text = read_text_file(path, NULL, 0, &len);
	free(path);
	if (!text)
		return NULL;
	char *series = NULL;
	const char *p = strstr(text, "#define PY_VERSION");
	int major, minor;
	if (p && (p = strchr(p, '"')) && sscanf(p + 1, "%d.%d", &major, &minor) == 2) {
		series = xmalloc(24);
		snprintf(series, 24, "%d.%d", major, minor);
	}
	free(text);
	return series;
}

static char *first_line(char *text)
{
	if (!text)
		return NULL;
	text[strcspn(text, "\n")] = '\0';
	return text;
}

/* Finds or fetches the sources; PYTHON_SRC wins over the Source menu. */
static char *find_sources(struct build *b)
{
	struct kconfig *kc = b->kc;
	const char *env_src = getenv("PYTHON_SRC");
	const char *local = env_src && *env_src ? env_src : sym_is_y(kc, "SOURCE_LOCAL") ? sym_string_if_applies(kc, "SOURCE_LOCAL_DIR") : NULL;
	if (local) {
		char *real = realpath(local, NULL);
		if (!real)
			error_plain("source tree '%s': %s", local, strerror(errno));
		return real;
	}
	char *log = str_join(b->logs, "/fetch.log", "");
	struct strlist env = { 0 };
	const char *cache = sym_string_if_applies(kc, "SOURCE_CACHE_DIR");
	if (*cache)
		strlist_add(&env, str_join("CPYCONF_CACHE=", cache, ""));
	char *argv[4] = { NULL };
	if (sym_is_y(kc, "SOURCE_TARBALL")) {
		argv[0] = str_join(b->top, "/scripts/fetch-tarball", "");
		argv[1] = xstrdup(sym_string_if_applies(kc, "SOURCE_TARBALL_URL"));
		argv[2] = xstrdup(sym_string_if_applies(kc, "SOURCE_TARBALL_SHA256"));
	} else if (sym_is_y(kc, "SOURCE_GIT")) {
		argv[0] = str_join(b->top, "/scripts/fetch-git", "");
		argv[1] = xstrdup(sym_string_if_applies(kc, "SOURCE_GIT_URL"));
		argv[2] = xstrdup(sym_string_if_applies(kc, "SOURCE_GIT_REF"));
	} else {
		argv[0] = str_join(b->top, "/scripts/fetch-cpython", "");
		argv[1] = xstrdup(b->series);
	}
	char *out = NULL;
	int rc = run_capture(argv, &env, log, &out);
	char *src = rc == 0 ? xstrdup(first_line(out)) : NULL;
	if (!src)
		failed("fetching the sources", log);
	free(out);
	for (int i = 0; argv[i]; i++)
		free(argv[i]);
	strlist_free(&env);
	free(log);
	return src;
}

/* Rough build progress: compiled objects over the objects the Makefile names. */
struct make_progress {
	long total;
	int last_shown;
	bool tty;
};

static long count_in_file(const char *path, const char *needle)
{
	size_t len;
	char *text = read_text_file(path, NULL, 0, &len);
	long n = 0;
	for (const char *p = text; p && (p = strstr(p, needle)); p += strlen(needle))
		n++;
	free(text);
	return n;
}

static int compare_strings(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* How many distinct object files (words ending in .o) the Makefile names:
 * the denominator of the progress figure. */
static long objects_in_makefile(const char *path)
{
	size_t len;
	char *text = read_text_file(path, NULL, 0, &len);
	if (!text)
		return 0;
	char **words = NULL;
	long n = 0, cap = 0, unique = 0;
	for (char *p = strtok(text, " \t\n\\"); p; p = strtok(NULL, " \t\n\\")) {
		size_t l = strlen(p);
		if (l > 2 && !strcmp(p + l - 2, ".o") && !strchr(p, '$') && !strchr(p, '%')) {
			if (n == cap)
				words = xrealloc(words, (size_t)(cap = cap ? 2 * cap : 256) * sizeof *words);
			words[n++] = p;
		}
	}
	if (n > 0)
		qsort(words, (size_t)n, sizeof *words, compare_strings);
	for (long i = 0; i < n; i++)
		unique += i == 0 || strcmp(words[i], words[i - 1]) != 0;
	free(words);
	free(text);
	return unique;
}

static void show_make_progress(const char *log, void *data)
{
	struct make_progress *mp = data;
	long done = count_in_file(log, " -c ");
	int pct = mp->total > 0 ? (int)(done * 100 / mp->total) : 0;
	if (pct > 99)
		pct = 99;
	if (mp->tty) {
		printf("\r[3/%d] make: %d%%", STEPS, pct);
		fflush(stdout);
	} else if (pct / 10 > mp->last_shown / 10) {
		printf("[3/%d] make: %d%%\n", STEPS, pct);
		fflush(stdout);
	}
	mp->last_shown = pct;
}

static int make_jobs(struct kconfig *kc)
{
	const char *env = getenv("JOBS");
	if (env && atoi(env) > 0)
		return atoi(env);
	struct symbol *s = sym_find(kc, "BUILD_JOBS");
	int jobs = s ? atoi(sym_str(kc, s)) : 0;
	if (jobs <= 0)
		jobs = (int)sysconf(_SC_NPROCESSORS_ONLN);
	return jobs > 0 ? jobs : 1;
}

static bool has_prefix_arg(const struct strlist *args)
{
	for (int i = 0; i < args->n; i++)
		if (!strncmp(args->items[i], "--prefix=", 9))
			return true;
	return false;
}

static const char *prefix_of(const struct strlist *args)
{
	for (int i = 0; i < args->n; i++)
		if (!strncmp(args->items[i], "--prefix=", 9))
			return args->items[i] + 9;
	return "/usr/local";
}

static int run_configure(struct build *b)
{
	char *log = str_join(b->logs, "/configure.log", "");
	char *dir = str_join(b->out, "/build", "");
	mkdir(dir, 0777);
	struct strlist argv = { 0 };
	strlist_add(&argv, str_join(b->src, "/configure", ""));
	for (int i = 0; i < b->all_args.n; i++)
		strlist_add(&argv, xstrdup(b->all_args.items[i]));
	strlist_add(&argv, NULL);
	int rc = run_program(argv.items, dir, &b->t.environment, log, NULL, NULL);
	argv.n--;
	strlist_free(&argv);
	if (rc != 0)
		failed("configure", log);
	free(log);
	free(dir);
	return rc == 0 ? 0 : 1;
}

static int run_make(struct build *b, const char *target, int step_no, const char *what)
{
	char *log = str_join(b->logs, step_no == 3 ? "/make.log" : "/install.log", "");
	char *dir = str_join(b->out, "/build", "");
	struct strlist argv = { 0 };
	strlist_add(&argv, xstrdup("make"));
	if (target) {
		strlist_add(&argv, xstrdup(target));
		if (*b->destdir)
			strlist_add(&argv, str_join("DESTDIR=", b->destdir, ""));
	} else {
		char jobs[32];
		snprintf(jobs, sizeof jobs, "-j%d", make_jobs(b->kc));
		strlist_add(&argv, xstrdup(jobs));
	}
	for (int i = 0; i < b->t.make_vars.n; i++)
		strlist_add(&argv, xstrdup(b->t.make_vars.items[i]));
	strlist_add(&argv, NULL);
	/* A module that fails to build or is missing does not stop make:
	 * verify then names every module the config wants and cannot import. */
	struct strlist env = { 0 };
	for (int i = 0; i < b->t.environment.n; i++)
		strlist_add(&env, xstrdup(b->t.environment.items[i]));
	char *makefile = str_join(dir, "/Makefile", "");
	struct make_progress mp = { objects_in_makefile(makefile), 0, isatty(1) };
	free(makefile);
	int rc = run_program(argv.items, dir, &env, log, target ? NULL : show_make_progress, &mp);
	if (!target && mp.tty)
		printf("\r[3/%d] make: %s\n", STEPS, rc == 0 ? "100%" : "stopped");
	argv.n--;
	strlist_free(&argv);
	strlist_free(&env);
	if (rc != 0)
		failed(what, log);
	free(log);
	free(dir);
	return rc == 0 ? 0 : 1;
}

/* The install tree says how this Python was made. */
static int record_build(struct build *b)
{
	char *dir = str_join(b->destdir, b->prefix, "/share/cpyconf");
	char *parent = str_join(b->destdir, b->prefix, "/share");
	mkdir(parent, 0777);
	mkdir(dir, 0777);
	char *defconfig = defconfig_text(b->kc);
	char *path = str_join(dir, "/defconfig", "");
	int rc = write_file_atomic(path, defconfig, strlen(defconfig), false);
	free(path);
	free(defconfig);
	size_t cap = 64, len = 0;
	char *args = xmalloc(cap);
	args[0] = '\0';
	for (int i = 0; i < b->all_args.n; i++) {
		char *q = shell_quote(b->all_args.items[i]);
		while (len + strlen(q) + 2 > cap)
			args = xrealloc(args, cap *= 2);
		len += (size_t)sprintf(args + len, "%s\n", q);
		free(q);
	}
	path = str_join(dir, "/configure-args", "");
	rc |= write_file_atomic(path, args, len, false);
	free(path);
	free(args);
	free(dir);
	free(parent);
	return rc;
}

static char *find_python(struct build *b)
{
	static const char *const suffixes[] = { "", "t", "d", "td" };
	for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		char *bin = str_join(b->destdir, b->prefix, "/bin/python");
		char *path = str_join(bin, b->series, suffixes[i]);
		free(bin);
		if (access(path, X_OK) == 0)
			return path;
		free(path);
	}
	return NULL;
}

static int lock_output(const char *out)
{
	char *path = str_join(out, "/.cpyconf.lock", "");
	int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	if (fd < 0) {
		error_plain("cannot create the lock file %s: %s", path, strerror(errno));
		free(path);
		return -1;
	}
	free(path);
	if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		error_plain("another build is running in %s", out);
		close(fd);
		return -1;
	}
	return fd; /* held until the process exits */
}

static char *absolute_dir(const char *path)
{
	struct stat st;
	if (mkdir(path, 0777) != 0 && (stat(path, &st) != 0 || !S_ISDIR(st.st_mode))) {
		error_plain("cannot use '%s' as the output folder: %s", path,
			    errno == EEXIST ? "it is not a folder" : strerror(errno));
		return NULL;
	}
	return realpath(path, NULL);
}

static void build_free(struct build *b)
{
	translation_free(&b->t);
	strlist_free(&b->all_args);
	free(b->top);
	free(b->out);
	free(b->logs);
	free(b->src);
	free(b->prefix);
	free(b->destdir);
	free(b->libdir);
	free(b->python);
	free(b->verify_log);
	kconfig_free(b->kc);
}

static int build_steps(struct build *b)
{
	if (!target_series(b->kc, b->series, sizeof b->series)) {
		error_plain("the config selects no target version");
		return 1;
	}
	if (lock_output(b->out) < 0)
		return 1;
	step(1, "sources");
	b->src = find_sources(b);
	if (!b->src)
		return 1;
	char *have = tree_series(b->src);
	if (!have || strcmp(have, b->series)) {
		error_plain("the config targets CPython %s but %s is CPython %s", b->series, b->src, have ? have : "(unknown)");
		free(have);
		return 1;
	}
	free(have);
	printf("      CPython %s in %s\n", b->series, b->src);

	if (translate(b->kc, false, &b->t) != 0)
		return 1;
	if (!has_prefix_arg(&b->t.configure_args))
		strlist_add(&b->all_args, str_join("--prefix=", b->out, "/install"));
	for (int i = 0; i < b->t.configure_args.n; i++)
		strlist_add(&b->all_args, xstrdup(b->t.configure_args.items[i]));
	b->prefix = xstrdup(prefix_of(&b->all_args));
	b->destdir = xstrdup(sym_string_if_applies(b->kc, "BUILD_DESTDIR"));

	step(2, "configure");
	if (run_configure(b))
		return 1;
	step(3, "make");
	if (run_make(b, NULL, 3, "make"))
		return 1;
	step(4, sym_is_y(b->kc, "BUILD_INSTALL_ALT") ? "make altinstall" : "make install");
	if (run_make(b, sym_is_y(b->kc, "BUILD_INSTALL_ALT") ? "altinstall" : "install", 4, "make install"))
		return 1;
	if (record_build(b))
		return 1;
	b->python = find_python(b);
	if (!b->python) {
		error_plain("no python%s was installed under %s%s/bin", b->series, b->destdir, b->prefix);
		return 1;
	}
	b->libdir = str_join(b->destdir, b->prefix, "/lib");
	if (!sym_is_y(b->kc, "BUILD_VERIFY")) {
		step(5, "verify: skipped (BUILD_VERIFY is off)");
	} else {
		step(5, "verify");
		b->verify_log = str_join(b->logs, "/verify.log", "");
		if (verify_install(b))
			return failed("verify", b->verify_log);
	}
	printf("installed: %s\n", b->python);
	return 0;
}

int cmd_build(const struct options *opt)
{
	struct build b = { 0 };
	b.kc = kconfig_load(opt->kconfig);
	if (!b.kc)
		return 1;
	struct stat st;
	if (stat(opt->config, &st) == 0 && config_read(b.kc, opt->config, true) != 0) {
		fprintf(stderr, "cpyconf: fix the config first (cpyconf check shows the same)\n");
		build_free(&b);
		return 1;
	}
	char *kconfig_real = realpath(opt->kconfig, NULL);
	char *slash = kconfig_real ? strrchr(kconfig_real, '/') : NULL;
	if (slash)
		*slash = '\0';
	b.top = kconfig_real ? kconfig_real : xstrdup(".");
	const char *out = getenv("O");
	b.out = absolute_dir(out && *out ? out : "output");
	if (!b.out) {
		build_free(&b);
		return 1;
	}
	b.logs = str_join(b.out, "/logs", "");
	mkdir(b.logs, 0777);
	int rc = build_steps(&b);
	build_free(&b);
	return rc;
}
