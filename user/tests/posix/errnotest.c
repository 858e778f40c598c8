/*
 * errnotest.c - /test/errnotest: bad input to the calls of lib/libc on
 * the real system gets the error POSIX (and Linux) give, and nothing
 * else: descriptors that are not open or not open for that, paths that
 * do not exist, are too long, name a file where a directory is needed
 * and the other way round, bad pointers, bad flags, whence, signals,
 * options and sizes, processes that do not exist, resources run out.
 * Each check is one call that must fail with one errno; a failure says
 * what came back.  Run as root from the shell, in a scratch directory
 * of its own under /tmp.
 * Prints "ok - <what>" or "not ok - <what>" per check and exits with the
 * number of failures.
 */
#define _DEFAULT_SOURCE                /* sbrk */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#define DIR "/tmp/errnotest"
#define BAD_PTR ((void *)0x10)          /* below every mapping */

static int failures;

static void check(int ok, const char *what)
{
	printf("%s - %s\n", ok ? "ok" : "not ok", what);
	fflush(stdout);
	failures += !ok;
}

/* Did the call just made return -1 with errno err? */
static int fails(long r, int err)
{
	int e = errno;
	errno = 0;
	if (r == -1 && e == err)
		return 1;
	printf("# got %ld, errno %d (%s), wanted errno %d (%s)\n", r, e, strerror(e), err,
	       strerror(err));
	return 0;
}

static void test_descriptors(void)
{
	char buf[8];
	int p[2], rd = open(DIR "/file", O_RDONLY), wr = open(DIR "/file", O_WRONLY);
	int dir = open(DIR, O_RDONLY);
	check(rd >= 0 && wr >= 0 && dir >= 0 && pipe(p) == 0, "the scratch files open");
	check(fails(read(99, buf, 1), EBADF), "read of a descriptor never opened: EBADF");
	check(fails(write(-1, buf, 1), EBADF), "write to descriptor -1: EBADF");
	check(fails(close(99), EBADF), "close of a descriptor never opened: EBADF");
	check(fails(write(rd, "x", 1), EBADF), "write to a read-only descriptor: EBADF");
	check(fails(read(wr, buf, 1), EBADF), "read from a write-only descriptor: EBADF");
	check(fails(read(rd, BAD_PTR, 4), EFAULT), "read into a bad buffer: EFAULT");
	check(fails(write(wr, BAD_PTR, 4), EFAULT), "write from a bad buffer: EFAULT");
	check(fails(read(dir, buf, 1), EISDIR), "read of a directory: EISDIR");
	check(fails(lseek(rd, 0, 99), EINVAL), "lseek with an unknown whence: EINVAL");
	check(fails(lseek(rd, -10, SEEK_SET), EINVAL), "lseek before the start: EINVAL");
	check(fails(lseek(p[0], 0, SEEK_SET), ESPIPE), "lseek on a pipe: ESPIPE");
	check(fails(dup2(rd, -1), EBADF), "dup2 to descriptor -1: EBADF");
	check(fails(dup2(99, 5), EBADF), "dup2 of a descriptor never opened: EBADF");
	check(fails(dup2(rd, 10000), EBADF), "dup2 past the descriptor limit: EBADF");
	check(fails(fcntl(rd, 9999), EINVAL), "fcntl with an unknown command: EINVAL");
	check(fails(ftruncate(p[1], 0), EINVAL), "ftruncate of a pipe: EINVAL");
	check(fails(ftruncate(wr, -1), EINVAL), "ftruncate to a negative size: EINVAL");
	check(fails(ftruncate(rd, 0), EINVAL), "ftruncate of a read-only descriptor: EINVAL");
	struct termios t;
	check(fails(tcgetattr(rd, &t), ENOTTY), "tcgetattr of a regular file: ENOTTY");
	check(fails(tcsetattr(0, 99, &t), EINVAL), "tcsetattr with an unknown action: EINVAL");
	int *volatile bad = BAD_PTR;        /* hidden from the compiler's checks */
	check(fails(pipe(bad), EFAULT), "pipe into a bad array: EFAULT");
	struct pollfd many[65];
	memset(many, 0, sizeof(many));
	check(fails(poll(many, 65, 0), EINVAL), "poll of 65 descriptors: EINVAL");
	close(rd);
	close(wr);
	close(dir);
	close(p[0]);
	close(p[1]);
}

static void test_paths(void)
{
	char longpath[300], longname[80], buf[4];
	struct stat st;
	memset(longpath, 'a', sizeof(longpath) - 1);
	longpath[0] = '/';
	longpath[sizeof(longpath) - 1] = 0;
	strcpy(longname, DIR "/");
	memset(longname + strlen(longname), 'n', 64);
	longname[strlen(DIR) + 1 + 64] = 0;
	check(fails(open(DIR "/none/x", O_RDONLY), ENOENT), "open under a missing directory: ENOENT");
	check(fails(open(DIR "/file/x", O_RDONLY), ENOTDIR), "open under a regular file: ENOTDIR");
	check(fails(open(DIR, O_WRONLY), EISDIR), "open of a directory for writing: EISDIR");
	check(fails(open(DIR "/file", O_CREAT | O_EXCL | O_WRONLY, 0644), EEXIST), "O_CREAT|O_EXCL of an existing file: EEXIST");
	check(fails(open(longpath, O_RDONLY), ENAMETOOLONG), "a path of 299 bytes: ENAMETOOLONG");
	check(fails(open(longname, O_CREAT | O_WRONLY, 0644), ENAMETOOLONG), "a name of 64 characters: ENAMETOOLONG");
	check(fails(open("", O_RDONLY), ENOENT), "an empty path: ENOENT");
	check(fails(open(BAD_PTR, O_RDONLY), EFAULT), "a path at a bad address: EFAULT");
	check(fails(stat(DIR "/none", &st), ENOENT), "stat of a missing file: ENOENT");
	check(fails(stat(DIR "/file", BAD_PTR), EFAULT), "stat into a bad buffer: EFAULT");
	check(fails(mkdir(DIR "/sub", 0755), EEXIST), "mkdir of an existing directory: EEXIST");
	check(fails(rmdir(DIR), ENOTEMPTY), "rmdir of a directory with files: ENOTEMPTY");
	check(fails(rmdir(DIR "/file"), ENOTDIR), "rmdir of a regular file: ENOTDIR");
	check(fails(unlink(DIR "/sub"), EISDIR), "unlink of a directory: EISDIR");
	check(fails(rename(DIR "/sub", DIR "/sub/in"), EINVAL), "rename of a directory into itself: EINVAL");
	check(fails(rename(DIR "/none", DIR "/x"), ENOENT), "rename of a missing file: ENOENT");
	check(fails(link(DIR "/sub", DIR "/sublink"), EPERM), "link of a directory: EPERM");
	check(fails(chdir(DIR "/file"), ENOTDIR), "chdir to a regular file: ENOTDIR");
	check(fails(readlink(DIR "/file", buf, sizeof(buf)), EINVAL), "readlink of a regular file: EINVAL");
	check(fails(symlink("", DIR "/empty"), ENOENT), "symlink to an empty target: ENOENT");
	check(fails(access(DIR "/file", 99), EINVAL), "access with unknown mode bits: EINVAL");
	check(fails(chmod(DIR "/none", 0644), ENOENT), "chmod of a missing file: ENOENT");
	check(fails(getcwd(buf, 1) ? 0 : -1, ERANGE), "getcwd into 1 byte: ERANGE");
}

static void test_limits(void)
{
	int fds[40], n = 0, last;
	for (last = 0; n < 40 && (last = open(DIR "/file", O_RDONLY)) >= 0; n++)
		fds[n] = last;
	check(fails(last, EMFILE), "more descriptors than a process may have: EMFILE");
	while (n > 0)
		close(fds[--n]);
	check(fails((long)mmap(0, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), EINVAL),
	      "mmap of 0 bytes: EINVAL");
	check(fails(munmap((void *)0x40000001, 4096), EINVAL), "munmap of an unaligned address: EINVAL");
	check(fails((long)sbrk(0x7fffffff), ENOMEM), "sbrk of 2 GiB: ENOMEM");
	struct timespec bad = { 0, 2000000000 };
	check(fails(nanosleep(&bad, 0), EINVAL), "nanosleep of 2e9 nanoseconds: EINVAL");
	struct timespec now;
	check(fails(clock_gettime((clockid_t)99, &now), EINVAL), "clock_gettime of an unknown clock: EINVAL");
	check(fails(sysconf(9999), EINVAL), "sysconf of an unknown name: EINVAL");
	struct rlimit rl;
	check(fails(getrlimit(99, &rl), EINVAL), "getrlimit of an unknown resource: EINVAL");
}

static void on_signal(int signo)
{
	(void)signo;
}

static void test_processes(void)
{
	struct sigaction sa;
	sigset_t s;
	int st;
	char *argv[] = { "x", 0 };
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&s);
	check(fails(kill(29999, 0), ESRCH), "kill of a pid nobody has: ESRCH");
	check(fails(kill(getpid(), 99), EINVAL), "kill with signal 99: EINVAL");
	check(fails(sigaction(SIGKILL, &sa, 0), EINVAL), "a handler for SIGKILL: EINVAL");
	check(fails(sigaction(0, &sa, 0), EINVAL), "sigaction of signal 0: EINVAL");
	check(fails(sigaction(99, &sa, 0), EINVAL), "sigaction of signal 99: EINVAL");
	check(fails(sigprocmask(99, &s, 0), EINVAL), "sigprocmask with an unknown how: EINVAL");
	check(fails(waitpid(-1, &st, 0), ECHILD), "waitpid with no children: ECHILD");
	check(fails(waitpid(-1, &st, 0x4000), EINVAL), "waitpid with an unknown option: EINVAL");
	check(fails(setpgid(-1, 0), EINVAL), "setpgid of pid -1: EINVAL");
	check(fails(setpgid(29999, 0), ESRCH), "setpgid of a pid nobody has: ESRCH");
	check(fails(execv(DIR "/none", argv), ENOENT), "exec of a missing file: ENOENT");
	check(fails(execv(DIR "/file", argv), EACCES), "exec of a file without x: EACCES");
	check(fails(execv(DIR "/sub", argv), EACCES), "exec of a directory: EACCES");
}

int main(void)
{
	int fd;
	mkdir(DIR, 0755);
	mkdir(DIR "/sub", 0755);
	fd = open(DIR "/file", O_CREAT | O_WRONLY | O_TRUNC, 0644);
	check(fd >= 0 && write(fd, "data", 4) == 4 && close(fd) == 0, "the scratch directory is made");
	errno = 0;
	test_descriptors();
	test_paths();
	test_limits();
	test_processes();
	printf("errnotest: %s (%d failed)\n", failures ? "FAIL" : "PASS", failures);
	return failures;
}
