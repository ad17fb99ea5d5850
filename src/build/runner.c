#include "build/runner.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "build/bolt.h"
#include "build/buildpython.h"
#include "build/configcache.h"
#include "build/configsite.h"
#include "build/cross.h"
#include "build/musl.h"
#include "build/setuplocal.h"
#include "build/sources.h"
#include "build/strip.h"
#include "build/toolwrap.h"
#include "build/validate.h"
#include "build/verify.h"
#include "kconfig/confio.h"
#include "util/atomicwrite.h"
#include "util/diag.h"
#include "util/textfile.h"

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
	struct strlist env = { 0 };
	char *cache = configure_cache_file(b);
	bool cached = cache && access(cache, R_OK) == 0;
	if (cached) {
		printf("      configure's answers from an earlier identical run: %s\n", cache);
		strlist_add(&env, str_join("CONFIG_SITE=", cache, ""));
	}
	int rc = step_run(b, argv.items, b->dir, &env, "configure", log, NULL, NULL);
	if (rc == 0 && cache && !cached)
		configure_cache_save(b, cache);
	free(cache);
	strlist_free(&env);
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

/* Builds the default rule. A module that fails to build or is missing
 * does not stop make: verify names every module the config wants and
 * that does not import. */
static int build_default_rule(struct build *b)
{
	char *makefile = str_join(b->dir, "/Makefile", "");
	char *rule = default_make_rule(makefile);
	char *label = str_join("make ", rule, "");
	step_announce(3, label);
	struct make_progress progress;
	make_progress_init(&progress, makefile, label);
	int rc = step_make(b, NULL, NULL, "make.log", "make", &progress);
	const char *which;
	char *log = str_join(b->logs, "/make.log", "");
	if (rc == 0 && make_training_died(&progress, log, &which)) {
		error_plain("%s (PROFILE_TASK) stopped before it finished, so the build is not profile-optimized; "
			    "its output is in %s",
			    which, log);
		rc = 1;
	}
	free(log);
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

char *build_find_python(const struct build *b)
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

char *build_output_path(void)
{
	const char *out = getenv("O");
	const char *path = out && *out ? out : "output";
	char *real = realpath(path, NULL);
	if (real || path[0] == '/')
		return real ? real : xstrdup(path);
	char *cwd = getcwd(NULL, 0);
	char *joined = str_join(cwd ? cwd : ".", "/", path);
	free(cwd);
	return joined;
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

int build_open(struct build *b, const char *kconfig_path, const char *config_path)
{
	b->kc = kconfig_load(kconfig_path);
	if (!b->kc)
		return 1;
	struct stat st;
	if (stat(config_path, &st) == 0 && config_read(b->kc, config_path, true) != 0) {
		fprintf(stderr, "cpyconf: fix the config first (cpyconf check shows the same)\n");
		return 1;
	}
	char *kconfig_real = realpath(kconfig_path, NULL);
	char *slash = kconfig_real ? strrchr(kconfig_real, '/') : NULL;
	if (slash)
		*slash = '\0';
	b->top = kconfig_real ? kconfig_real : xstrdup(".");
	char *out = build_output_path();
	b->out = absolute_dir(out);
	free(out);
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
	if (config_validate(b->kc) != 0 || config_build_precheck(b->kc) != 0 ||
	    translate(b->kc, false, &b->t) != 0)
		return 1;
	b->minor = atoi(b->series + 2);
	cross_complete_translation(b->kc, b->out, &b->t);
	if (!prefix_of(&b->t.configure_args))
		strlist_add(&b->all_args, str_join("--prefix=", b->out, "/install"));
	for (int i = 0; i < b->t.configure_args.n; i++)
		strlist_add(&b->all_args, xstrdup(b->t.configure_args.items[i]));
	b->prefix = xstrdup(prefix_of(&b->all_args));
	const char *destdir = sym_string_if_applies(b->kc, "BUILD_DESTDIR");
	/* make runs in the build folder: a relative DESTDIR means one in the output folder */
	b->destdir = *destdir && *destdir != '/' ? str_join(b->out, "/", destdir) : xstrdup(destdir);
	b->libdir = str_join(b->destdir, b->prefix, "/lib");
	return 0;
}

static int install(struct build *b)
{
	bool alt = sym_is_y(b->kc, "BUILD_INSTALL_ALT");
	step_announce(4, alt ? "make altinstall" : "make install");
	int rc = step_make(b, alt ? "altinstall" : "install", NULL, "install.log", "make install", NULL);
	if (rc == 0 && sym_is_y(b->kc, "BUILD_STRIP"))
		rc = strip_install(b);
	if (rc == 0 && record_build(b))
		rc = 1;
	if (rc)
		return rc;
	b->python = build_find_python(b);
	if (!b->python) {
		error_plain("no python%s was installed under %s%s/bin", b->series, b->destdir, b->prefix);
		return 1;
	}
	return 0;
}

int build_all(struct build *b, bool configure_only)
{
	int rc = build_prepare(b);
	if (rc || lock_output(b->out) < 0)
		return 1;
	step_announce(1, "sources");
	if ((rc = find_sources(b)))
		return rc;
	printf("      CPython %s in %s\n", b->series, b->src);
	if (cross_check_compiler(b) || musl_check_compiler(b) || build_python_check_given(b))
		return 1;
	if ((rc = build_python_make(b)))
		return rc;
	if (build_environment(b) || config_site_write(b) || bolt_find_tools(b) || setup_local_write(b))
		return 1;
	step_announce(2, "configure");
	if ((rc = run_configure(b)))
		return rc;
	if (setup_local_check(b))
		return 1;
	if (configure_only) {
		printf("configured: %s (log %s/configure.log)\n", b->dir, b->logs);
		return 0;
	}
	if ((rc = build_default_rule(b)) || (rc = install(b)))
		return rc;
	if (!sym_is_y(b->kc, "BUILD_VERIFY")) {
		step_announce(5, "verify: skipped (BUILD_VERIFY is off)");
	} else {
		step_announce(5, "verify");
		if ((rc = verify_install(b)))
			return rc;
	}
	printf("installed%s: %s\n", b->unverified ? " (not verified)" : "", b->python);
	return 0;
}
