#include "spawn.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "diag.h"

/* In the child: set up and exec, or report and _exit(127). */
static void exec_child(char *const argv[], const char *dir, const struct strlist *env, int out_fd, int err_fd)
{
	if (dir && chdir(dir) != 0) {
		dprintf(err_fd >= 0 ? err_fd : 2, "cpyconf: cannot enter %s: %s\n", dir, strerror(errno));
		_exit(127);
	}
	for (int i = 0; env && i < env->n; i++)
		putenv(env->items[i]);
	if (out_fd >= 0)
		dup2(out_fd, 1);
	if (err_fd >= 0)
		dup2(err_fd, 2);
	execvp(argv[0], argv);
	fprintf(stderr, "cpyconf: cannot run %s: %s\n", argv[0], strerror(errno));
	_exit(127);
}

static int wait_for(pid_t pid, const char *log, progress_fn progress, void *data)
{
	int status;
	for (;;) {
		pid_t r = waitpid(pid, &status, progress ? WNOHANG : 0);
		if (r == pid)
			break;
		if (r < 0 && errno != EINTR)
			return -1;
		if (r == 0) {
			progress(log, data);
			struct timespec second = { 1, 0 };
			nanosleep(&second, NULL);
		}
	}
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int run_program(char *const argv[], const char *dir, const struct strlist *env, const char *log,
		progress_fn progress, void *data)
{
	int fd = -1;
	if (log) {
		fd = open(log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
		if (fd < 0) {
			error_plain("cannot open the log %s: %s", log, strerror(errno));
			return -1;
		}
	}
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0) {
		error_plain("cannot start %s: %s", argv[0], strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	if (pid == 0)
		exec_child(argv, dir, env, fd, fd);
	if (fd >= 0)
		close(fd);
	return wait_for(pid, log, progress, data);
}

int run_capture(char *const argv[], const struct strlist *env, const char *log, char **out)
{
	int pipefd[2];
	*out = NULL;
	if (pipe(pipefd) != 0)
		return -1;
	int err = log ? open(log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644) : -1;
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0) {
		close(pipefd[0]);
		close(pipefd[1]);
		if (err >= 0)
			close(err);
		return -1;
	}
	if (pid == 0) {
		close(pipefd[0]);
		exec_child(argv, NULL, env, pipefd[1], err);
	}
	close(pipefd[1]);
	if (err >= 0)
		close(err);
	size_t cap = 4096, n = 0;
	char *buf = xmalloc(cap);
	ssize_t r;
	while ((r = read(pipefd[0], buf + n, cap - n - 1)) != 0) {
		if (r < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		n += (size_t)r;
		if (n + 1 == cap)
			buf = xrealloc(buf, cap *= 2);
	}
	close(pipefd[0]);
	buf[n] = '\0';
	*out = buf;
	return wait_for(pid, NULL, NULL, NULL);
}
