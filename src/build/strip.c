#include "build/strip.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/diag.h"

/* An ELF executable or shared object (e_type 2 or 3); relocatable objects
 * and static archives keep their symbols, as the linker needs them. */
static bool is_elf_program(const char *path)
{
	unsigned char head[18];
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	ssize_t n = read(fd, head, sizeof head);
	close(fd);
	if (n != (ssize_t)sizeof head || memcmp(head, "\177ELF", 4) != 0)
		return false;
	/* e_type is 16 bits at offset 16, in the byte order of head[5] */
	unsigned type = head[5] == 2 ? (unsigned)(head[16] << 8 | head[17]) : (unsigned)(head[17] << 8 | head[16]);
	return type == 2 || type == 3;
}

static void collect(const char *dir, struct strlist *files)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	for (struct dirent *e; (e = readdir(d));) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		char *path = str_join(dir, "/", e->d_name);
		struct stat st;
		if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode))
			collect(path, files);
		else if (S_ISREG(st.st_mode) && is_elf_program(path))
			strlist_add(files, xstrdup(path));
		free(path);
	}
	closedir(d);
}

int strip_install(struct build *b)
{
	char *root = str_join(b->destdir, b->prefix, "");
	struct strlist argv = { 0 };
	const char *host = sym_string_if_applies(b->kc, "ARG_HOST");
	strlist_add(&argv, *host ? str_join(host, "-strip", "") : xstrdup("strip"));
	strlist_add(&argv, xstrdup("--strip-unneeded"));
	struct strlist files = { 0 };
	collect(root, &files);
	if (files.n > 0)
		qsort(files.items, (size_t)files.n, sizeof *files.items, compare_strings);
	for (int i = 0; i < files.n; i++)
		strlist_add(&argv, xstrdup(files.items[i]));
	strlist_add(&argv, NULL);
	argv.n--;
	int rc = 0;
	if (files.n > 0) {
		char *log = str_join(b->logs, "/install.log", "");
		rc = step_run(b, argv.items, NULL, NULL, "strip", log, NULL, NULL);
		free(log);
	}
	if (rc == 0)
		printf("      stripped %d programs and shared libraries under %s\n", files.n, root);
	strlist_free(&files);
	strlist_free(&argv);
	free(root);
	return rc;
}
