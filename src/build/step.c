#include "build/step.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/diag.h"
#include "util/textfile.h"

void step_announce(int n, const char *what)
{
	printf("[%d/%d] %s\n", n, BUILD_STEPS, what);
	fflush(stdout);
}

int step_failed(const char *what, const char *log)
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

int step_interrupted(const struct build *b, const char *what)
{
	fprintf(stderr, "\ncpyconf: interrupted during %s; the config and the sources are unchanged "
			"(the output folder %s may hold a partial build)\n",
		what, b->out);
	return 128 + spawn_interrupted();
}

int step_run(struct build *b, char *const argv[], const char *dir, const struct strlist *extra_env,
	      const char *what, const char *log, progress_fn progress, void *data)
{
	struct strlist env = { 0 };
	for (int i = 0; i < b->env.n; i++)
		strlist_add(&env, xstrdup(b->env.items[i]));
	for (int i = 0; extra_env && i < extra_env->n; i++)
		strlist_add(&env, xstrdup(extra_env->items[i]));
	struct spawn r = { .argv = argv, .dir = dir, .env = &env, .log = log, .echo = b->verbose,
			 .progress = b->verbose ? NULL : progress, .data = data };
	int rc = spawn_run(&r);
	strlist_free(&env);
	if (spawn_interrupted())
		return step_interrupted(b, what);
	return rc == 0 ? 0 : step_failed(what, log);
}

char *step_find_program(const char *name)
{
	if (strchr(name, '/'))
		return access(name, X_OK) == 0 ? xstrdup(name) : NULL;
	const char *path = getenv("PATH");
	char *copy = xstrdup(path ? path : "/usr/bin:/bin");
	char *found = NULL;
	for (char *dir = strtok(copy, ":"); dir && !found; dir = strtok(NULL, ":")) {
		char *candidate = str_join(*dir ? dir : ".", "/", name);
		if (access(candidate, X_OK) == 0)
			found = candidate;
		else
			free(candidate);
	}
	free(copy);
	return found;
}

int step_make_jobs(struct kconfig *kc)
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

int step_make(struct build *b, const char *target, const struct strlist *extra_env, const char *log_name,
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
		snprintf(jobs, sizeof jobs, "-j%d", step_make_jobs(b->kc));
		strlist_add(&argv, xstrdup(jobs));
	}
	for (int i = 0; i < b->t.make_vars.n; i++)
		strlist_add(&argv, xstrdup(b->t.make_vars.items[i]));
	strlist_add(&argv, NULL);
	argv.n--;
	int rc = step_run(b, argv.items, b->dir, extra_env, what, log, progress ? make_progress_show : NULL,
			   progress);
	if (progress && !b->verbose)
		make_progress_end(progress, rc == 0);
	strlist_free(&argv);
	free(log);
	return rc;
}
