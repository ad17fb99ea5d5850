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

static int check_text(const char *path, const char *text, size_t len)
{
	int line = 1;
	size_t line_start = 0;
	for (size_t i = 0; i < len; i++) {
		char c = text[i];
		if (c == '\0') {
			error_at(path, line, "NUL byte in a text file");
			return -1;
		}
		if (c == '\r') {
			error_at(path, line, "carriage return: the file has DOS (CRLF) line endings; convert it with dos2unix");
			return -1;
		}
		if (c == '\n') {
			line++;
			line_start = i + 1;
		} else if (i - line_start >= MAX_LINE_LENGTH) {
			error_at(path, line, "line longer than %d bytes", MAX_LINE_LENGTH);
			return -1;
		}
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

static int write_all(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t w = write(fd, data, len);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		data += w;
		len -= (size_t)w;
	}
	return 0;
}

/* Write `data` to a new temporary file beside `path` and rename it over
 * `path`: readers see the old or the new file, never a part. */
static int replace_file(const char *path, const char *data, size_t len)
{
	size_t n = strlen(path) + 16;
	char *tmp = xmalloc(n);
	snprintf(tmp, n, "%s.tmpXXXXXX", path);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		error_at(path, 0, "cannot create a temporary file beside it: %s", strerror(errno));
		free(tmp);
		return -1;
	}
	int rc = 0;
	if (write_all(fd, data, len) != 0 || fsync(fd) != 0) {
		error_at(path, 0, "cannot write: %s", strerror(errno));
		rc = -1;
	}
	if (close(fd) != 0 && rc == 0) {
		error_at(path, 0, "cannot write: %s", strerror(errno));
		rc = -1;
	}
	mode_t mask = umask(0);
	umask(mask);
	if (rc == 0 && chmod(tmp, 0666 & ~mask) != 0) {
		error_at(path, 0, "cannot set permissions: %s", strerror(errno));
		rc = -1;
	}
	if (rc == 0 && rename(tmp, path) != 0) {
		error_at(path, 0, "cannot replace: %s", strerror(errno));
		rc = -1;
	}
	if (rc != 0)
		unlink(tmp);
	free(tmp);
	return rc;
}

/* The file's bytes as they are, for the backup copy. */
static char *read_raw(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		error_at(path, 0, "cannot read: %s", strerror(errno));
		return NULL;
	}
	size_t cap = 4096, n = 0;
	char *buf = xmalloc(cap);
	size_t r;
	while ((r = fread(buf + n, 1, cap - n, f)) > 0) {
		n += r;
		if (n == cap)
			buf = xrealloc(buf, cap *= 2);
	}
	bool failed = ferror(f);
	fclose(f);
	if (failed) {
		error_at(path, 0, "cannot read: %s", strerror(errno));
		free(buf);
		return NULL;
	}
	*len = n;
	return buf;
}

int write_file_atomic(const char *path, const char *data, size_t len, bool keep_old)
{
	struct stat st;
	bool exists = stat(path, &st) == 0;
	if (exists && S_ISDIR(st.st_mode)) {
		error_at(path, 0, "cannot write: it is a directory");
		return -1;
	}
	if (keep_old && exists && S_ISREG(st.st_mode)) {
		size_t old_len;
		char *old = read_raw(path, &old_len);
		if (!old)
			return -1;
		/* Nothing to back up when the contents do not change. */
		bool same = old_len == len && memcmp(old, data, len) == 0;
		char *old_path = xmalloc(strlen(path) + 5);
		sprintf(old_path, "%s.old", path);
		int rc = same ? 0 : replace_file(old_path, old, old_len);
		free(old_path);
		free(old);
		if (rc != 0 || same)
			return rc;
	}
	return replace_file(path, data, len);
}
