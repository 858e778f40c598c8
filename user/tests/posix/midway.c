/*
 * midway.c - /test/midway <label> <file> <text>: a server fails in the
 * middle of a write (issue 11, docs/recovery.md).
 *
 * Opens <file> and goes to its end (before the fault, so the open's and
 * the seek's requests are done: O_APPEND would ask ramfs for the size
 * within the write), asks for `service fi <label> midway` (the label's next
 * request runs and the server crashes before its reply and its record),
 * waits for RS to deliver the fault, then writes <text> once: that write
 * is the next request VFS, ramfs or the terminal sees.  Prints what the
 * write returned:
 *   midway: wrote <n>            or   midway: write failed: <strerror>
 * The host then reads the file (or the terminal's output): the text must
 * be there at most once, never twice.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "stabilix.h"

int main(int argc, char **argv)
{
	int fd;
	ssize_t n;
	if (argc != 4) {
		fprintf(stderr, "usage: midway <label> <file> <text>\n");
		return 2;
	}
	fd = open(argv[2], O_WRONLY | O_CREAT, 0644);
	if (fd < 0 || lseek(fd, 0, SEEK_END) < 0) {
		fprintf(stderr, "midway: %s: %s\n", argv[2], strerror(errno));
		return 1;
	}
	if (sx_service_ctl("fi", argv[1], "midway") < 0) {
		fprintf(stderr, "midway: service fi %s midway: %s\n", argv[1], strerror(errno));
		return 1;
	}
	sleep(1);                       /* RS delivers the fault; sleep is PM's */
	n = write(fd, argv[3], strlen(argv[3]));
	if (n < 0)
		printf("midway: write failed: %s\n", strerror(errno));
	else
		printf("midway: wrote %d\n", (int)n);
	return 0;
}
