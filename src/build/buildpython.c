#include "build/buildpython.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "build/sources.h"
#include "util/atomicwrite.h"
#include "util/diag.h"
#include "util/textfile.h"

bool build_python_is_ours(struct kconfig *kc)
{
	return sym_is_y(kc, "PY_CROSS_COMPILE") && sym_applies_name(kc, "WITH_BUILD_PYTHON") &&
	       !*sym_string_if_applies(kc, "WITH_BUILD_PYTHON");
}

char *build_python_path(const char *out)
{
	return str_join(out, "/build-python/python", "");
}

/* What the build Python was made from: "SOURCE-TREE\nPY_VERSION\n". */
static char *source_stamp(const char *src)
{
	char *version = tree_version(src);
	char *stamp = str_join(src, "\n", version ? version : "?");
	char *line = str_join(stamp, "\n", "");
	free(stamp);
	free(version);
	return line;
}

static bool reusable(const char *python, const char *stamp_path, const char *stamp)
{
	size_t len;
	char *recorded = access(python, X_OK) == 0 ? read_text_file(stamp_path, NULL, 0, &len) : NULL;
	bool same = recorded && !strcmp(recorded, stamp);
	free(recorded);
	return same;
}

/* A plain native configure (the prefix only keeps it out of /usr/local)
 * and make: the interpreter in the build folder serves as is. */
static int configure_and_make(struct build *b, const char *dir, const char *log)
{
	struct strlist argv = { 0 };
	strlist_add(&argv, str_join(b->src, "/configure", ""));
	strlist_add(&argv, str_join("--prefix=", dir, "/install"));
	strlist_add(&argv, NULL);
	argv.n--;
	int rc = step_run(b, argv.items, dir, NULL, "configure of the build Python", log, NULL, NULL);
	strlist_free(&argv);
	if (rc)
		return rc;
	char jobs[32];
	snprintf(jobs, sizeof jobs, "-j%d", step_make_jobs(b->kc));
	char make[] = "make";
	char *make_argv[] = { make, jobs, NULL };
	return step_run(b, make_argv, dir, NULL, "make of the build Python", log, NULL, NULL);
}

int build_python_make(struct build *b)
{
	if (!build_python_is_ours(b->kc))
		return 0;
	char *dir = str_join(b->out, "/build-python", "");
	char *python = build_python_path(b->out);
	char *stamp_path = str_join(dir, "/cpyconf-source", "");
	char *stamp = source_stamp(b->src);
	int rc = 0;
	if (reusable(python, stamp_path, stamp)) {
		printf("      build Python: %s (reused: same sources)\n", python);
	} else {
		char *log = str_join(b->logs, "/build-python.log", "");
		printf("      build Python: a native CPython %s in %s (log: %s)\n", b->series, dir, log);
		fflush(stdout);
		unlink(stamp_path);
		mkdir(dir, 0777);
		rc = configure_and_make(b, dir, log);
		if (rc == 0 && access(python, X_OK) != 0)
			rc = step_failed("the build Python (no python in its build folder)", log);
		if (rc == 0 && write_file_atomic(stamp_path, stamp, strlen(stamp), false))
			rc = 1;
		free(log);
	}
	free(stamp);
	free(stamp_path);
	free(python);
	free(dir);
	return rc;
}

int build_python_check_given(struct build *b)
{
	if (!sym_is_y(b->kc, "PY_CROSS_COMPILE") || build_python_is_ours(b->kc) ||
	    !sym_applies_name(b->kc, "WITH_BUILD_PYTHON"))
		return 0;
	const char *given = sym_string_if_applies(b->kc, "WITH_BUILD_PYTHON");
	/* "yes": configure looks for pythonX.Y in PATH */
	char *program = !strcmp(given, "yes") ? str_join("python", b->series, "") : xstrdup(given);
	char option[] = "-c", code[] = "import sys; print(sys.version_info[:2])";
	char *argv[] = { program, option, code, NULL };
	char *out = NULL;
	struct spawn r = { .argv = argv, .capture = &out };
	int major = 0, minor = 0;
	bool ran = spawn_run(&r) == 0 && out && sscanf(out, "(%d, %d)", &major, &minor) == 2;
	int rc = 0;
	if (!ran) {
		error_plain("WITH_BUILD_PYTHON: cannot run '%s' to ask its version", program);
		rc = 1;
	} else if (major != 3 || minor != b->minor) {
		error_plain("WITH_BUILD_PYTHON: %s is Python %d.%d but the sources are CPython %s: name a %s "
			    "interpreter, or leave it empty and cpyconf builds one",
			    program, major, minor, b->series, b->series);
		rc = 1;
	}
	free(out);
	free(program);
	return rc;
}
