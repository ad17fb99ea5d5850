#include "util/textfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdbool.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/diag.h"

static void open_error(const char *path, const char *from_file, int from_line, const char *why)
{
	if (from_file)
		error_at(from_file, from_line, "cannot read '%s': %s", path, why);
	else
		error_at(path, 0, "cannot read: %s", why);
}

/* Line by line with memchr, which is many times faster than a loop over
 * the bytes: a large tree is megabytes of text. */
static int check_text(const char *path, const char *text, size_t len)
{
	int line = 1;
	for (const char *p = text, *end = text + len; p < end; line++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		/* the first bad byte, as far as a line may go */
		size_t scan = n > MAX_LINE_LENGTH ? MAX_LINE_LENGTH + 1 : n;
		const char *nul = memchr(p, '\0', scan), *cr = memchr(p, '\r', scan);
		if (nul && (!cr || nul < cr)) {
			error_at(path, line, "NUL byte in a text file");
			return -1;
		}
		if (cr) {
			error_at(path, line, "carriage return: the file has DOS (CRLF) line endings; convert it with dos2unix");
			return -1;
		}
		if (n > MAX_LINE_LENGTH) {
			error_at(path, line, "line longer than %d bytes", MAX_LINE_LENGTH);
			return -1;
		}
		p += n + 1;
	}
	return 0;
}

char *read_text_file(const char *path, const char *from_file, int from_line, size_t *len)
{
	/* Look before opening: opening a FIFO would wait for a writer. */
	struct stat st;
	if (stat(path, &st) != 0) {
		open_error(path, from_file, from_line, strerror(errno));
		return NULL;
	}
	bool dev_null = S_ISCHR(st.st_mode) && !strcmp(path, "/dev/null");
	if (!S_ISREG(st.st_mode) && !dev_null) {
		open_error(path, from_file, from_line,
			   S_ISDIR(st.st_mode) ? "it is a directory" : "not a regular file");
		return NULL;
	}
	int fd = open(path, O_RDONLY | O_NONBLOCK);
	if (fd < 0) {
		open_error(path, from_file, from_line, strerror(errno));
		return NULL;
	}
	size_t cap = (size_t)st.st_size + 2, n = 0;
	char *buf = xmalloc(cap);
	for (;;) {
		if (n + 2 > cap) {
			cap *= 2;
			buf = xrealloc(buf, cap);
		}
		ssize_t r = read(fd, buf + n, cap - n - 2);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			open_error(path, from_file, from_line, strerror(errno));
			free(buf);
			close(fd);
			return NULL;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	close(fd);
	if (check_text(path, buf, n) != 0) {
		free(buf);
		return NULL;
	}
	if (n == 0 || buf[n - 1] != '\n')
		buf[n++] = '\n';
	buf[n] = '\0';
	*len = n;
	return buf;
}
