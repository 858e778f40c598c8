/*
 * cat.c - /bin/cat [file...]: copy each file (or standard input, also
 * for "-") to standard output, in order.  An unreadable file is reported
 * ("cat: <file>: <strerror>") and skipped; the exit status is then 1.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include "util.h"

/* 0, or -1 after reporting a read or write error. */
static int copy(int fd, const char *name)
{
	char buf[4096];
	ssize_t n;
	while ((n = read(fd, buf, sizeof buf)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			warn_file(name);
			return -1;
		}
		if (write_all(1, buf, (unsigned long)n) < 0) {
			warn_file("stdout");
			return -1;
		}
	}
	return 0;
}

int main(int argc, char **argv)
{
	util_init(argc, argv);
	int c, status = 0;
	while ((c = opt_next(argc, argv, "u")) != -1)
		if (c == '?')
			usage("[-u] [file...]");
	if (opt_ind == argc)
		return copy(0, "stdin") < 0;
	for (int i = opt_ind; i < argc; i++) {
		if (strcmp(argv[i], "-") == 0) {
			status |= copy(0, "stdin") < 0;
			continue;
		}
		int fd = open(argv[i], O_RDONLY);
		if (fd < 0) {
			warn_file(argv[i]);
			status = 1;
			continue;
		}
		status |= copy(fd, argv[i]) < 0;
		close(fd);
	}
	return status;
}
