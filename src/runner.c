#include "runner.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "confio.h"
#include "diag.h"
#include "progress.h"
#include "sources.h"
#include "strip.h"
#include "textfile.h"
#include "toolwrap.h"

void build_step(int n, const char *what)
{
	printf("[%d/%d] %s\n", n, BUILD_STEPS, what);
	fflush(stdout);
}

int build_failed(const char *what, const char *log)
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

int build_interrupted(const struct build *b, const char *what)
{
	fprintf(stderr, "\ncpyconf: interrupted during %s; the config and the sources are unchanged "
			"(the output folder %s may hold a partial build)\n",
		what, b->out);
	return 128 + run_interrupted();
}

int build_run(struct build *b, char *const argv[], const char *dir, const struct strlist *extra_env,
	      const char *what, const char *log, progress_fn progress, void *data)
{
	struct strlist env = { 0 };
	for (int i = 0; i < b->env.n; i++)
		strlist_add(&env, xstrdup(b->env.items[i]));
	for (int i = 0; extra_env && i < extra_env->n; i++)
		strlist_add(&env, xstrdup(extra_env->items[i]));
	struct run r = { .argv = argv, .dir = dir, .env = &env, .log = log, .echo = b->verbose,
			 .progress = b->verbose ? NULL : progress, .data = data };
	int rc = run(&r);
	strlist_free(&env);
	if (run_interrupted())
		return build_interrupted(b, what);
	return rc == 0 ? 0 : build_failed(what, log);
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

static const char *prefix_of(const struct strlist *args)
{
	for (int i = 0; i < args->n; i++)
		if (!strncmp(args->items[i], "--prefix=", 9))
			return args->items[i] + 9;
	return NULL;
}

static int run_configure(struct build *b)
{
	char *log = str_join(b->logs, "/configure.log", "");
	mkdir(b->dir, 0777);
	struct strlist argv = { 0 };
	strlist_add(&argv, str_join(b->src, "/configure", ""));
	for (int i = 0; i < b->all_args.n; i++)
		strlist_add(&argv, xstrdup(b->all_args.items[i]));
	strlist_add(&argv, NULL);
	argv.n--;
	int rc = build_run(b, argv.items, b->dir, NULL, "configure", log, NULL, NULL);
	strlist_free(&argv);
	free(log);
	return rc;
}

/* The rule configure chose for "all" (build_all, profile-opt, bolt-opt,
 * build_wasm, ...): shown so the user sees whether PGO runs. */
static char *default_make_rule(const char *makefile)
{
	size_t len;
	char *text = read_text_file(makefile, NULL, 0, &len);
	char *rule = NULL;
	for (char *line = text ? strtok(text, "\n") : NULL; line && !rule; line = strtok(NULL, "\n")) {
		if (strncmp(line, "all:", 4))
			continue;
		const char *p = line + 4 + strspn(line + 4, " \t");
		size_t n = strcspn(p, " \t");
		if (n) {
			rule = xmalloc(n + 1);
			memcpy(rule, p, n);
			rule[n] = '\0';
		}
	}
	free(text);
	return rule ? rule : xstrdup("all");
}

int build_make(struct build *b, const char *target, const struct strlist *extra_env, const char *log_name,
	       const char *what, struct make_progress *progress)
{
	char *log = str_join(b->logs, "/", log_name);
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
	argv.n--;
	int rc = build_run(b, argv.items, b->dir, extra_env, what, log, progress ? make_progress_show : NULL,
			   progress);
	if (progress && !b->verbose)
		make_progress_end(progress, rc == 0);
	strlist_free(&argv);
	free(log);
	return rc;
}

/* Builds the default rule. A module that fails to build or is missing
 * does not stop make: verify names every module the config wants and
 * that does not import. */
static int build_default_rule(struct build *b)
{
	char *makefile = str_join(b->dir, "/Makefile", "");
	char *rule = default_make_rule(makefile);
	char *label = str_join("make ", rule, "");
	build_step(3, label);
	struct make_progress progress;
	make_progress_init(&progress, makefile, label);
	int rc = build_make(b, NULL, NULL, "make.log", "make", &progress);
	free(label);
	free(rule);
	free(makefile);
	return rc;
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

char *find_python(const struct build *b)
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

void build_free(struct build *b)
{
	translation_free(&b->t);
	strlist_free(&b->all_args);
	strlist_free(&b->env);
	free(b->top);
	free(b->out);
	free(b->logs);
	free(b->dir);
	free(b->src);
	free(b->prefix);
	free(b->destdir);
	free(b->libdir);
	free(b->python);
	free(b->verify_log);
	kconfig_free(b->kc);
}

int build_open(struct build *b, const struct options *opt)
{
	b->kc = kconfig_load(opt->kconfig);
	if (!b->kc)
		return 1;
	struct stat st;
	if (stat(opt->config, &st) == 0 && config_read(b->kc, opt->config, true) != 0) {
		fprintf(stderr, "cpyconf: fix the config first (cpyconf check shows the same)\n");
		return 1;
	}
	char *kconfig_real = realpath(opt->kconfig, NULL);
	char *slash = kconfig_real ? strrchr(kconfig_real, '/') : NULL;
	if (slash)
		*slash = '\0';
	b->top = kconfig_real ? kconfig_real : xstrdup(".");
	const char *out = getenv("O");
	b->out = absolute_dir(out && *out ? out : "output");
	if (!b->out)
		return 1;
	b->logs = str_join(b->out, "/logs", "");
	b->dir = str_join(b->out, "/build", "");
	mkdir(b->logs, 0777);
	const char *v = getenv("V");
	b->verbose = v && !strcmp(v, "1");
	return 0;
}

int build_prepare(struct build *b)
{
	if (!target_series(b->kc, b->series, sizeof b->series)) {
		error_plain("the config selects no target version");
		return 1;
	}
	b->minor = atoi(b->series + 2);
	if (translate(b->kc, false, &b->t) != 0)
		return 1;
	if (!prefix_of(&b->t.configure_args))
		strlist_add(&b->all_args, str_join("--prefix=", b->out, "/install"));
	for (int i = 0; i < b->t.configure_args.n; i++)
		strlist_add(&b->all_args, xstrdup(b->t.configure_args.items[i]));
	b->prefix = xstrdup(prefix_of(&b->all_args));
	b->destdir = xstrdup(sym_string_if_applies(b->kc, "BUILD_DESTDIR"));
	b->libdir = str_join(b->destdir, b->prefix, "/lib");
	return 0;
}

static int install(struct build *b)
{
	bool alt = sym_is_y(b->kc, "BUILD_INSTALL_ALT");
	build_step(4, alt ? "make altinstall" : "make install");
	int rc = build_make(b, alt ? "altinstall" : "install", NULL, "install.log", "make install", NULL);
	if (rc == 0 && sym_is_y(b->kc, "BUILD_STRIP"))
		rc = strip_install(b);
	if (rc == 0 && record_build(b))
		rc = 1;
	if (rc)
		return rc;
	b->python = find_python(b);
	if (!b->python) {
		error_plain("no python%s was installed under %s%s/bin", b->series, b->destdir, b->prefix);
		return 1;
	}
	return 0;
}

static int build_steps(struct build *b)
{
	int rc = build_prepare(b);
	if (rc || lock_output(b->out) < 0)
		return 1;
	build_step(1, "sources");
	if ((rc = find_sources(b)))
		return rc;
	printf("      CPython %s in %s\n", b->series, b->src);
	if (build_environment(b))
		return 1;
	build_step(2, "configure");
	if ((rc = run_configure(b)) || (rc = build_default_rule(b)) || (rc = install(b)))
		return rc;
	if (!sym_is_y(b->kc, "BUILD_VERIFY")) {
		build_step(5, "verify: skipped (BUILD_VERIFY is off)");
	} else {
		build_step(5, "verify");
		if ((rc = verify_install(b)))
			return rc;
	}
	printf("installed: %s\n", b->python);
	return 0;
}

int cmd_build(const struct options *opt)
{
	struct build b = { 0 };
	int rc = build_open(&b, opt);
	if (rc == 0)
		rc = build_steps(&b);
	build_free(&b);
	return rc;
}
