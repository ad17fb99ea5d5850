/* Fuzz target: the Kconfig lexer and grammar, and the value logic on what
 * they accept. The input is a tree: the top file, optionally followed by
 * more files, each after a line "#--- NAME" (a comment to Kconfig). The
 * files are written to a private folder that is $srctree, so `source`
 * reaches only them: an input that names a path with '/' in a file that
 * says `source` is refused, and so is a NAME with '/'. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "harness.h"
#include "kconfig/confio.h"

#define MAX_FILES 8
#define SEPARATOR "\n#--- "

/* In memory where there is a tmpfs: files on disk cost four times more. */
static char folder[32];

static void remove_folder(void)
{
	rmdir(folder);
}

static bool make_folder(const char *pattern)
{
	strcpy(folder, pattern);
	return mkdtemp(folder) != NULL;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	if (!make_folder("/dev/shm/cpyconf-fuzz-XXXXXX") && !make_folder("/tmp/cpyconf-fuzz-XXXXXX")) {
		perror("mkdtemp");
		exit(1);
	}
	atexit(remove_folder);
	setenv("srctree", folder, 1);
	/* an input's $(shell,...) must not run: it would be any command */
	setenv("CPYCONF_NO_SHELL", "1", 1);
	return 0;
}

static bool safe_name(const char *name, size_t len)
{
	if (len == 0 || len > 64 || memchr(name, '/', len) || memchr(name, '\0', len))
		return false;
	return !(len == 1 && name[0] == '.') && !(len == 2 && !memcmp(name, "..", 2));
}

static bool write_file(const char *name, size_t name_len, const char *text, size_t len)
{
	char path[sizeof folder + 80];
	snprintf(path, sizeof path, "%s/%.*s", folder, (int)name_len, name);
	FILE *f = fopen(path, "wb");
	if (!f)
		return false;
	bool ok = fwrite(text, 1, len, f) == len;
	return fclose(f) == 0 && ok;
}

/* The files of the input in the folder; their names in names[0..*n-1]. */
static bool write_tree(const char *text, size_t size, char names[MAX_FILES][65], int *n)
{
	const char *name = "Kconfig";
	size_t name_len = strlen(name);
	const char *p = text, *end = text + size;
	*n = 0;
	while (*n < MAX_FILES) {
		const char *sep = memmem(p, (size_t)(end - p), SEPARATOR, strlen(SEPARATOR));
		const char *stop = sep ? sep + 1 : end;
		memcpy(names[*n], name, name_len);
		names[*n][name_len] = '\0';
		for (int i = 0; i < *n; i++)
			if (!strcmp(names[i], names[*n]))
				return true; /* a repeated name: the first file stays */
		if (!write_file(name, name_len, p, (size_t)(stop - p)))
			return false;
		++*n;
		if (!sep)
			break;
		name = sep + strlen(SEPARATOR);
		const char *eol = memchr(name, '\n', (size_t)(end - name));
		name_len = (size_t)((eol ? eol : end) - name);
		if (!safe_name(name, name_len))
			break;
		p = eol ? eol + 1 : end;
	}
	return true;
}

static void remove_tree(char names[MAX_FILES][65], int n)
{
	char path[sizeof folder + 80];
	for (int i = 0; i < n; i++) {
		snprintf(path, sizeof path, "%s/%s", folder, names[i]);
		unlink(path);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	if (memmem(text, size, "source", 6) && memchr(text, '/', size))
		return -1;
	char names[MAX_FILES][65];
	int n;
	if (write_tree(text, size, names, &n)) {
		char top[sizeof folder + 8];
		snprintf(top, sizeof top, "%s/Kconfig", folder);
		struct kconfig *kc = kconfig_load(top);
		if (kc) {
			free(config_text(kc, NULL));
			free(defconfig_text(kc));
			kconfig_free(kc);
		}
	}
	remove_tree(names, n);
	return 0;
}
