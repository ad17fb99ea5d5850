#include "util/atomicwrite.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/diag.h"
#include "util/strlist.h"
#include "util/tempfile.h"

/* As Linux's MAXSYMLINKS */
#define MAX_LINK_HOPS 40

/* The path `path` ends at once symbolic links are followed: the file to
 * replace, which may not exist yet (a dangling link gets its target
 * created, as Kconfiglib does). NULL after reporting a loop. */
static char *follow_links(const char *path)
{
	char *p = xstrdup(path);
	for (int hops = 0; hops < MAX_LINK_HOPS; hops++) {
		struct stat st;
		if (lstat(p, &st) != 0 || !S_ISLNK(st.st_mode))
			return p;
		char *link = xmalloc((size_t)st.st_size + 2);
		ssize_t n = readlink(p, link, (size_t)st.st_size + 1);
		if (n < 0 || n > st.st_size) {
			free(link);
			return p; /* changed under us: the write reports what it finds */
		}
		link[n] = '\0';
		char *slash = strrchr(p, '/');
		char *next;
		if (link[0] == '/' || !slash) {
			next = xstrdup(link);
		} else {
			slash[1] = '\0';
			next = str_join(p, link, "");
		}
		free(link);
		free(p);
		p = next;
	}
	error_at(path, 0, "cannot write: too many levels of symbolic links");
	free(p);
	return NULL;
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

/* Makes the rename durable. A file system that cannot sync a folder says
 * so with EINVAL; the rename has happened either way, so this reports
 * nothing. */
static void sync_folder(const char *file)
{
	const char *slash = strrchr(file, '/');
	char *dir = slash ? xstrndup(file, (size_t)(slash - file + (slash == file))) : xstrdup(".");
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	free(dir);
}

/* Fills a new temporary file beside `target` and renames it over it. */
static int replace_file(const char *target, const char *data, size_t len, mode_t mode)
{
	char *tmp;
	int fd = temp_create(target, mode, &tmp);
	if (fd < 0)
		return -1;
	int rc = 0;
	if (write_all(fd, data, len) != 0 || fsync(fd) != 0) {
		error_at(target, 0, "cannot write: %s", strerror(errno));
		rc = -1;
	}
	if (close(fd) != 0 && rc == 0) {
		error_at(target, 0, "cannot write: %s", strerror(errno));
		rc = -1;
	}
	if (rc == 0 && rename(tmp, target) != 0) {
		error_at(target, 0, "cannot replace: %s", strerror(errno));
		rc = -1;
	}
	temp_done(tmp, rc != 0);
	free(tmp);
	if (rc == 0)
		sync_folder(target);
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

/* Where `path` leads and the mode it keeps (`new_mode` if it does not
 * exist yet). NULL if it must not be replaced. */
static char *writable_target(const char *path, mode_t new_mode, mode_t *mode, bool *exists)
{
	char *target = follow_links(path);
	if (!target)
		return NULL;
	struct stat st;
	*exists = stat(target, &st) == 0;
	if (*exists && !S_ISREG(st.st_mode)) {
		error_at(path, 0, "cannot write: %s", S_ISDIR(st.st_mode) ? "it is a directory" : "not a regular file");
		free(target);
		return NULL;
	}
	*mode = *exists ? st.st_mode & 07777 : new_mode;
	return target;
}

static int write_with_mode(const char *path, const char *data, size_t len, bool keep_old, mode_t new_mode)
{
	mode_t mode;
	bool exists;
	char *target = writable_target(path, new_mode, &mode, &exists);
	if (!target)
		return -1;
	int rc = 0;
	if (keep_old && exists) {
		size_t old_len;
		char *old = read_raw(target, &old_len);
		bool same = old && old_len == len && memcmp(old, data, len) == 0;
		/* PATH.old beside the name the user gave, like Kconfiglib; a new
		 * one is as private as the file it copies. */
		char *old_path = str_join(path, ".old", "");
		rc = !old ? -1 : same ? 1 : write_with_mode(old_path, old, old_len, false, mode);
		free(old_path);
		free(old);
	}
	if (rc == 0)
		rc = replace_file(target, data, len, mode);
	free(target);
	return rc < 0 ? -1 : 0;
}

int write_file_atomic(const char *path, const char *data, size_t len, bool keep_old)
{
	mode_t mask = umask(0);
	umask(mask);
	return write_with_mode(path, data, len, keep_old, 0666 & ~mask);
}
