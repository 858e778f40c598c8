/*
 * loadwork.c - /test/loadwork [first]: the workload of the fault-injection
 * campaign (tools/inject, docs/inject.md) on the release system.
 *
 * Round n (from 'first', default 1) runs in a child of its own, so a
 * fault that kills one round costs that round, not the workload:
 *   - it writes /tmp/lw/f with the bytes content(n) (file write: VFS,
 *     ramfs);
 *   - runs /bin/cksum /tmp/lw/f with its output into a pipe (fork, exec,
 *     a pipe, a file read);
 *   - runs `/bin/cat /tmp/lw/f | /bin/cksum` (a two-stage pipeline of
 *     exec'd programs);
 *   - prints one heartbeat line with a single write:
 *       lw: hb <n> <cksum's line> = <the pipeline's line>
 * The host computes content(n) and its cksum itself and compares; n must
 * advance by one per line.  The guest checks nothing itself: its word is
 * not evidence.  Between rounds it sleeps PERIOD_MS.
 *
 * content(n): LEN(n) = 2000 + (n % 13) * 97 bytes, byte i = (i * 31 + n * 7) & 255.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define FILE_PATH "/tmp/lw/f"
#define PERIOD_MS 100

static unsigned len_of(unsigned n)
{
	return 2000 + (n % 13) * 97;
}

static int write_content(unsigned n)
{
	static unsigned char buf[4096];
	unsigned len = len_of(n);
	int fd = open(FILE_PATH, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0)
		return -1;
	for (unsigned i = 0; i < len; i++)
		buf[i] = (unsigned char)((i * 31 + n * 7) & 255);
	int ok = write(fd, buf, len) == (ssize_t)len;
	return close(fd) == 0 && ok ? 0 : -1;
}

/* Fork a child with stdin 'in' and stdout 'out' running argv. */
static pid_t spawn(char *const argv[], int in, int out, int close_fd)
{
	pid_t pid = fork();
	if (pid != 0)
		return pid;
	if (in != 0 && dup2(in, 0) < 0)
		_exit(120);
	if (out != 1 && dup2(out, 1) < 0)
		_exit(121);
	if (close_fd >= 0)
		close(close_fd);
	execv(argv[0], argv);
	_exit(127);
}

/* Everything the pipe 'fd' carries, up to size - 1 bytes, without its
 * last newline; the number of bytes, or -1. */
static int slurp(int fd, char *buf, int size)
{
	int n = 0, r;
	while (n < size - 1 && (r = (int)read(fd, buf + n, (size_t)(size - 1 - n))) > 0)
		n += r;
	buf[n] = '\0';
	if (n > 0 && buf[n - 1] == '\n')
		buf[--n] = '\0';
	return r < 0 ? -1 : n;
}

static int reap(pid_t pid)
{
	int status;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

static int round_of(unsigned n)
{
	char *cksum_file[] = { "/bin/cksum", FILE_PATH, 0 };
	char *cat[] = { "/bin/cat", FILE_PATH, 0 };
	char *cksum[] = { "/bin/cksum", 0 };
	char one[96], two[96], line[256];
	int p[2], q[2];
	pid_t a, b, c;
	if (write_content(n) < 0 || pipe(p) < 0)
		return 2;
	a = spawn(cksum_file, 0, p[1], p[0]);
	close(p[1]);
	int got_one = slurp(p[0], one, sizeof(one));
	close(p[0]);
	if (pipe(p) < 0 || pipe(q) < 0)
		return 3;
	b = spawn(cat, 0, p[1], p[0]);
	close(p[1]);
	c = spawn(cksum, p[0], q[1], q[0]);
	close(p[0]);
	close(q[1]);
	int got_two = slurp(q[0], two, sizeof(two));
	close(q[0]);
	if (reap(a) != 0 || reap(b) != 0 || reap(c) != 0 || got_one <= 0 || got_two <= 0)
		return 4;
	int len = snprintf(line, sizeof(line), "lw: hb %u %s = %s\n", n, one, two);
	return write(1, line, (size_t)len) == len ? 0 : 5;
}

int main(int argc, char **argv)
{
	unsigned n = argc > 1 ? (unsigned)strtoul(argv[1], 0, 10) : 1;
	if (argc > 2 || n == 0) {
		fprintf(stderr, "usage: loadwork [first round, 1 or more]\n");
		return 2;
	}
	if (mkdir("/tmp/lw", 0755) < 0 && errno != EEXIST) {
		fprintf(stderr, "loadwork: /tmp/lw: %s\n", strerror(errno));
		return 1;
	}
	for (;; n++) {
		pid_t pid = fork();
		if (pid == 0)
			_exit(round_of(n));
		if (pid > 0)
			reap(pid);
		struct timespec pause = { 0, PERIOD_MS * 1000000L };
		nanosleep(&pause, 0);
	}
}
