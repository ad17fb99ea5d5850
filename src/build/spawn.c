#include "build/spawn.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "util/diag.h"

static volatile sig_atomic_t received_signal;

static void note_signal(int sig)
{
	received_signal = sig;
}

int spawn_interrupted(void)
{
	return received_signal;
}

static void catch_signals(void)
{
	struct sigaction sa = { 0 };
	sa.sa_handler = note_signal;
	sigemptyset(&sa.sa_mask);
	/* no SA_RESTART: waitpid, poll and read return EINTR so the signal
	 * is passed on at once */
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

/* In the child: set up and exec, or report and _exit(127). */
static void exec_child(const struct spawn *r, int out_fd, int err_fd)
{
	setpgid(0, 0);
	int null = open("/dev/null", O_RDONLY);
	if (null >= 0)
		dup2(null, 0);
	if (r->dir && chdir(r->dir) != 0) {
		dprintf(err_fd >= 0 ? err_fd : 2, "cpyconf: cannot enter %s: %s\n", r->dir, strerror(errno));
		_exit(127);
	}
	for (int i = 0; r->env && i < r->env->n; i++)
		putenv(r->env->items[i]);
	if (out_fd >= 0)
		dup2(out_fd, 1);
	if (err_fd >= 0)
		dup2(err_fd, 2);
	execvp(r->argv[0], r->argv);
	fprintf(stderr, "cpyconf: cannot run %s: %s\n", r->argv[0], strerror(errno));
	_exit(127);
}

/* Passes a signal cpyconf received on to the child's process group, once. */
static void forward_signal(pid_t pid, bool *forwarded)
{
	if (received_signal && !*forwarded) {
		kill(-pid, received_signal);
		*forwarded = true;
	}
}

static void append(char **buf, size_t *len, size_t *cap, const char *data, size_t n)
{
	while (*len + n + 1 > *cap)
		*buf = xrealloc(*buf, *cap = *cap ? 2 * *cap : 4096);
	memcpy(*buf + *len, data, n);
	*len += n;
	(*buf)[*len] = '\0';
}

/* Reads the child's output pipe until it closes: into the capture buffer,
 * or into the log and (echo) our stdout. */
static void pump(const struct spawn *r, pid_t pid, int in, int log_fd, bool *forwarded)
{
	char chunk[8192];
	size_t len = 0, cap = 0;
	time_t shown = time(NULL);
	for (;;) {
		forward_signal(pid, forwarded);
		struct pollfd p = { in, POLLIN, 0 };
		int ready = poll(&p, 1, 1000);
		/* At most once a second, and also while output keeps coming. */
		if (r->progress && (ready == 0 || time(NULL) != shown)) {
			r->progress(r->log, r->data);
			shown = time(NULL);
		}
		if (ready <= 0)
			continue;
		ssize_t n = read(in, chunk, sizeof chunk);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		if (r->capture) {
			append(r->capture, &len, &cap, chunk, (size_t)n);
			continue;
		}
		if (log_fd >= 0 && write(log_fd, chunk, (size_t)n) < 0)
			log_fd = -1;
		if (r->echo)
			fwrite(chunk, 1, (size_t)n, stdout), fflush(stdout);
	}
	if (r->capture && !*r->capture)
		*r->capture = xstrdup("");
}

static int wait_child(const struct spawn *r, pid_t pid, bool *forwarded)
{
	int status;
	for (;;) {
		forward_signal(pid, forwarded);
		pid_t got = waitpid(pid, &status, r->progress ? WNOHANG : 0);
		if (got == pid)
			break;
		if (got < 0 && errno != EINTR)
			return -1;
		if (got == 0) {
			r->progress(r->log, r->data);
			poll(NULL, 0, 1000);
		}
	}
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int spawn_run(const struct spawn *r)
{
	int log_fd = -1, pipefd[2] = { -1, -1 };
	if (r->capture)
		*r->capture = NULL;
	if (r->log) {
		log_fd = open(r->log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
		if (log_fd < 0) {
			error_plain("cannot open the log %s: %s", r->log, strerror(errno));
			return -1;
		}
	}
	bool piped = r->capture || r->echo;
	if (piped && (pipe(pipefd) != 0 || fcntl(pipefd[0], F_SETFD, FD_CLOEXEC) != 0 ||
		       fcntl(pipefd[1], F_SETFD, FD_CLOEXEC) != 0)) {
		error_plain("cannot start %s: %s", r->argv[0], strerror(errno));
		if (log_fd >= 0)
			close(log_fd);
		return -1;
	}
	catch_signals();
	fflush(NULL);
	pid_t pid = fork();
	if (pid == 0) {
		int out = piped ? pipefd[1] : log_fd;
		int err = r->capture ? log_fd : out;
		exec_child(r, out, err);
	}
	if (pid > 0)
		setpgid(pid, pid); /* also here: a signal may come before the child runs */
	else
		error_plain("cannot start %s: %s", r->argv[0], strerror(errno));
	if (piped)
		close(pipefd[1]);
	bool forwarded = false;
	if (piped && pid > 0)
		pump(r, pid, pipefd[0], log_fd, &forwarded);
	if (piped)
		close(pipefd[0]);
	if (log_fd >= 0)
		close(log_fd);
	return pid > 0 ? wait_child(r, pid, &forwarded) : -1;
}
