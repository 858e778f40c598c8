/*
 * midway.c - a server fails in the middle of a request (issue 11,
 * docs/recovery.md, tests/system/test_recovery_midway.py).
 *
 *   /test/midway <label> <file> <text>
 *     Opens <file> and goes to its end (before the fault, so the open's
 *     and the seek's requests are done: O_APPEND would ask ramfs for the
 *     size within the write), asks for `service fi <label> midway` (the
 *     label's next request runs and the server crashes before its reply
 *     and its record), waits for RS to deliver the fault, then writes
 *     <text> once: that write is the next request VFS, ramfs or the
 *     terminal sees.  Prints
 *       midway: wrote <n>     or     midway: write failed: <strerror>
 *   /test/midway pm wait
 *     A child exits with status 7; once it is a zombie, PM is told to
 *     fail midway, and the parent's waitpid is PM's next request: PM
 *     reaps the child and dies before the reply.  Prints
 *       midway: child <pid>   and then
 *       midway: waitpid <pid> status <n>   or   midway: waitpid failed: <strerror>
 * The pm case waits by counting (every clock is PM's), so that nothing
 * but the waitpid reaches the failing PM.  The host judges the outcome;
 * this program checks nothing itself.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>
#include "stabilix.h"

static void spin_ms(long ms)
{
	struct timeval a, b;
	gettimeofday(&a, NULL);
	do
		gettimeofday(&b, NULL);
	while ((b.tv_sec - a.tv_sec) * 1000 + (b.tv_usec - a.tv_usec) / 1000 < ms);
}

/* A few hundred ms of TCG, far more than RS's tick (50 ms). */
static void spin_count(void)
{
	for (volatile unsigned long i = 0; i < 60000000ul; i++)
		;
}

static int fault(const char *label)
{
	if (sx_service_ctl("fi", label, "midway") == 0)
		return 0;
	fprintf(stderr, "midway: service fi %s midway: %s\n", label, strerror(errno));
	return -1;
}

static int wait_case(void)
{
	int status = 0;
	pid_t child = fork(), got;
	if (child < 0) {
		fprintf(stderr, "midway: fork: %s\n", strerror(errno));
		return 1;
	}
	if (child == 0)
		_exit(7);
	printf("midway: child %d\n", (int)child);
	fflush(stdout);
	spin_ms(300);                   /* the child is a zombie by now */
	if (fault("pm") < 0)
		return 1;
	spin_count();                   /* RS delivers the fault */
	got = waitpid(child, &status, 0);
	if (got < 0)
		printf("midway: waitpid failed: %s\n", strerror(errno));
	else
		printf("midway: waitpid %d status %d\n", (int)got, WEXITSTATUS(status));
	return 0;
}

static int write_case(const char *label, const char *path, const char *text)
{
	ssize_t n;
	int fd = open(path, O_WRONLY | O_CREAT, 0644);
	if (fd < 0 || lseek(fd, 0, SEEK_END) < 0) {
		fprintf(stderr, "midway: %s: %s\n", path, strerror(errno));
		return 1;
	}
	if (fault(label) < 0)
		return 1;
	spin_ms(500);                   /* RS delivers the fault */
	n = write(fd, text, strlen(text));
	if (n < 0)
		printf("midway: write failed: %s\n", strerror(errno));
	else
		printf("midway: wrote %d\n", (int)n);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "pm") == 0 && strcmp(argv[2], "wait") == 0)
		return wait_case();
	if (argc == 4)
		return write_case(argv[1], argv[2], argv[3]);
	fprintf(stderr, "usage: midway <label> <file> <text> | midway pm wait\n");
	return 2;
}
