#include "util/tempfile.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/diag.h"
#include "util/strlist.h"

#define TEMP_TAG ".cpyconf-tmp."

static const int cleanup_signals[] = { SIGINT, SIGTERM, SIGHUP };
#define N_SIGNALS (sizeof cleanup_signals / sizeof cleanup_signals[0])
static struct sigaction saved_actions[N_SIGNALS];

/* The handler may only read these: a fixed buffer, set before the file is
 * created and cleared after it is renamed or removed. */
static char pending_path[PATH_MAX];
static volatile sig_atomic_t pending;

static void remove_and_reraise(int sig)
{
	if (pending)
		unlink(pending_path);
	for (size_t i = 0; i < N_SIGNALS; i++) {
		if (cleanup_signals[i] == sig)
			sigaction(sig, &saved_actions[i], NULL);
	}
	/* Delivered once this handler returns, to the handler that was there
	 * before (the default one ends the process). */
	raise(sig);
}

static void catch_signals(void)
{
	struct sigaction sa = { 0 };
	sa.sa_handler = remove_and_reraise;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < N_SIGNALS; i++)
		sigaddset(&sa.sa_mask, cleanup_signals[i]);
	for (size_t i = 0; i < N_SIGNALS; i++)
		sigaction(cleanup_signals[i], &sa, &saved_actions[i]);
}

static void restore_signals(void)
{
	for (size_t i = 0; i < N_SIGNALS; i++)
		sigaction(cleanup_signals[i], &saved_actions[i], NULL);
}

/* The host name as it goes into a file name: letters, digits and '-'. */
static void host_tag(char *buf, size_t size)
{
	if (gethostname(buf, size) != 0)
		buf[0] = '\0';
	buf[size - 1] = '\0';
	for (char *p = buf; *p; p++) {
		if (!isalnum((unsigned char)*p))
			*p = '-';
	}
}

/* Removes the temporary files of `base` in `dir` that this host's dead
 * writers left. A PID that is alive (even if reused by another program)
 * keeps its file: leaving a stale file is safe, removing a live one is not. */
static void remove_stale(const char *dir, const char *prefix)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	size_t plen = strlen(prefix);
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (strncmp(e->d_name, prefix, plen) != 0)
			continue;
		char *end;
		long pid = strtol(e->d_name + plen, &end, 10);
		if (*end || pid <= 0 || (pid != getpid() && (kill((pid_t)pid, 0) == 0 || errno != ESRCH)))
			continue;
		char *path = str_join(dir, "/", e->d_name);
		unlink(path);
		free(path);
	}
	closedir(d);
}

int temp_create(const char *target, mode_t mode, char **tmp_path)
{
	const char *slash = strrchr(target, '/');
	char *dir = slash ? xstrndup(target, (size_t)(slash - target + (slash == target))) : xstrdup(".");
	const char *base = slash ? slash + 1 : target;
	char host[64];
	host_tag(host, sizeof host);
	size_t n = strlen(base) + strlen(host) + sizeof TEMP_TAG + 3;
	char *prefix = xmalloc(n);
	snprintf(prefix, n, ".%s%s%s.", base, TEMP_TAG, host);
	remove_stale(dir, prefix);

	n = strlen(target) + strlen(prefix) + 24;
	char *tmp = xmalloc(n);
	snprintf(tmp, n, "%.*s%s%ld", (int)(base - target), target, prefix, (long)getpid());
	free(prefix);
	free(dir);
	if (strlen(tmp) >= sizeof pending_path) {
		error_at(target, 0, "cannot write: the path is too long");
		free(tmp);
		return -1;
	}
	catch_signals();
	strcpy(pending_path, tmp);
	pending = 1;
	int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0 || fchmod(fd, mode) != 0) {
		error_at(target, 0, "cannot create a temporary file beside it: %s", strerror(errno));
		if (fd >= 0)
			close(fd);
		temp_done(tmp, fd >= 0);
		free(tmp);
		return -1;
	}
	*tmp_path = tmp;
	return fd;
}

void temp_done(const char *tmp_path, int remove)
{
	if (remove)
		unlink(tmp_path);
	pending = 0;
	restore_signals();
}
