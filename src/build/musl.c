#include "build/musl.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/diag.h"

/* The musl triplet of the build machine's processor, as Debian names it */
#if defined(__x86_64__)
#define DEBIAN_MUSL_TRIPLET "x86_64-linux-musl"
#elif defined(__aarch64__)
#define DEBIAN_MUSL_TRIPLET "aarch64-linux-musl"
#elif defined(__i386__)
#define DEBIAN_MUSL_TRIPLET "i686-linux-musl"
#else
#define DEBIAN_MUSL_TRIPLET "musl"
#endif

/* The first word of VAR_CC, as a new string ("" when it is empty). */
static char *compiler_word(struct kconfig *kc)
{
	const char *cc = sym_string_if_applies(kc, "VAR_CC");
	cc += strspn(cc, " \t");
	return xstrndup(cc, strcspn(cc, " \t"));
}

static bool is_musl_gcc(const char *word)
{
	const char *base = strrchr(word, '/');
	base = base ? base + 1 : word;
	size_t len = strlen(base);
	return strstr(base, "musl") && len >= 3 && !strcmp(base + len - 3, "gcc");
}

int musl_check_compiler(struct build *b)
{
	char *word = compiler_word(b->kc);
	int rc = 0;
	if (!is_musl_gcc(word)) {
		free(word);
		return 0;
	}
	if (strchr(word, '/')) {
		error_plain("CC is '%s': name musl-gcc without a folder, so that cpyconf can put its "
			    "stand-in for --print-multiarch before it in PATH", word);
		rc = 1;
	} else {
		char *found = step_find_program(word);
		/* Debian's names: musl-tools has musl-gcc, and musl-dev (which
		 * musl-tools pulls in) the same script as ARCH-linux-musl-gcc */
		bool debian = !strcmp(word, "musl-gcc") || !strcmp(word, DEBIAN_MUSL_TRIPLET "-gcc");
		if (!found && debian) {
			error_plain("the compiler %s is not installed or not in PATH (Debian package musl-tools; "
				    "scripts/install-deps --musl installs it)", word);
		} else if (!found) {
			error_plain("the compiler %s is not installed or not in PATH", word);
		}
		rc = found == NULL;
		free(found);
	}
	free(word);
	return rc;
}

/* The script: $1 of printf is the real compiler, quoted for the shell. */
static const char stand_in[] =
	"#!/bin/sh\n"
	"# Written by cpyconf for a musl-gcc build. Debian's musl-gcc runs the\n"
	"# glibc gcc, whose --print-multiarch names the glibc triplet, and\n"
	"# CPython's configure stops when that differs from the musl triplet it\n"
	"# finds. Here the option answers as a gcc without multiarch does (an\n"
	"# empty line), and everything else goes to the real compiler.\n"
	"for arg\n"
	"do\n"
	"\tcase $arg in -print-multiarch | --print-multiarch) echo; exit 0 ;; esac\n"
	"done\n"
	"exec %s \"$@\"\n";

static int write_script(const char *path, const char *text)
{
	unlink(path);
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0755);
	size_t len = strlen(text);
	if (fd < 0 || write(fd, text, len) != (ssize_t)len) {
		error_plain("cannot write %s: %s", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return 1;
	}
	if (close(fd) != 0) {
		error_plain("cannot write %s: %s", path, strerror(errno));
		return 1;
	}
	return 0;
}

char *musl_wrap_compiler(struct build *b, const char *path, int *rc)
{
	*rc = 0;
	char *word = compiler_word(b->kc);
	if (!is_musl_gcc(word)) {
		free(word);
		return NULL;
	}
	char *real = step_find_program(word);
	if (!real) { /* musl_check_compiler() said so before */
		free(word);
		*rc = 1;
		return NULL;
	}
	char *dir = str_join(b->out, "/musl", "");
	mkdir(dir, 0777);
	char *script_path = str_join(dir, "/", word);
	char *quoted = shell_quote(real);
	size_t size = sizeof stand_in + strlen(quoted);
	char *text = xmalloc(size);
	snprintf(text, size, stand_in, quoted);
	*rc = write_script(script_path, text);
	if (*rc == 0)
		printf("      %s: configure sees it through %s (for --print-multiarch)\n", word, script_path);
	char *new_path = *rc ? NULL : str_join(dir, path && *path ? ":" : "", path ? path : "");
	free(text);
	free(quoted);
	free(script_path);
	free(dir);
	free(real);
	free(word);
	return new_path;
}
