/* What the fuzz targets share: an in-memory file to hand to readers that
 * take a path, and the Kconfig tree a target works against: a target that
 * defines FUZZ_TREE (a path; CPYCONF_TOP, the repository, comes from the
 * Makefile) before including this gets it loaded once, as `kc`. */
#ifndef CPYCONF_FUZZ_HARNESS_H
#define CPYCONF_FUZZ_HARNESS_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "kconfig/kconfig.h"
#include "util/diag.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* One memfd (_GNU_SOURCE, from the Makefile) per process, rewritten for
 * each input; its /proc path reads like any regular file. Returns the
 * path. Inline, so that the target that does not need it (the Kconfig
 * parser writes files of its own) gets no unused-function warning. */
static inline const char *harness_file(const void *data, size_t size)
{
	static int fd = -1;
	static char path[64];
	if (fd < 0) {
		fd = memfd_create("fuzz-input", 0);
		if (fd < 0) {
			perror("memfd_create");
			abort();
		}
		snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	}
	if (ftruncate(fd, 0) != 0 || (size && pwrite(fd, data, size, 0) != (ssize_t)size)) {
		perror("fuzz input");
		abort();
	}
	return path;
}

#ifdef FUZZ_TREE
static struct kconfig *kc;

/* The tree must load: a failure is the harness's, not an input's. Its
 * `source` lines are relative to its own folder, not $srctree. */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	unsetenv("srctree");
	kc = kconfig_load(FUZZ_TREE);
	if (!kc) {
		fprintf(stderr, "fuzz: cannot load %s\n", FUZZ_TREE);
		exit(1);
	}
	return 0;
}
#endif

#endif
