/*
 * hexdump.c - /bin/hexdump [-C] [file...]: the canonical hex+ASCII dump
 * of the files (or standard input) taken as one stream, 16 bytes a line:
 *   00000000  68 65 6c 6c 6f 20 77 6f  72 6c 64 0a              |hello world.|
 * A run of lines equal to the previous one prints one "*"; the last line
 * is the total length.  Output is the same with or without -C.
 * Errors: "hexdump: <file>: <strerror>", exit status 1.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "util.h"

struct dump {
	unsigned char line[16], prev[16];
	int n;                      /* bytes in line */
	int have_prev, starred;
	unsigned long offset;       /* of line[0] */
};

static void print_line(struct dump *d)
{
	printf("%08lx ", d->offset);
	for (int i = 0; i < 16; i++) {
		if (i == 8)
			putchar(' ');
		if (i < d->n)
			printf(" %02x", d->line[i]);
		else
			printf("   ");
	}
	printf("  |");
	for (int i = 0; i < d->n; i++)
		putchar(d->line[i] >= 0x20 && d->line[i] < 0x7f ? d->line[i] : '.');
	printf("|\n");
}

/* A full line: printed, or squeezed into "*" when equal to the last one. */
static void flush_line(struct dump *d)
{
	if (d->n == 16 && d->have_prev && memcmp(d->line, d->prev, 16) == 0) {
		if (!d->starred)
			printf("*\n");
		d->starred = 1;
	} else {
		print_line(d);
		d->starred = 0;
	}
	memcpy(d->prev, d->line, 16);
	d->have_prev = d->n == 16;
	d->offset += (unsigned long)d->n;
	d->n = 0;
}

static int dump_fd(struct dump *d, int fd, const char *name)
{
	unsigned char buf[4096];
	ssize_t n;
	while ((n = read(fd, buf, sizeof buf)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			warn_file(name);
			return -1;
		}
		for (ssize_t i = 0; i < n; i++) {
			d->line[d->n++] = buf[i];
			if (d->n == 16)
				flush_line(d);
		}
	}
	return 0;
}

int main(int argc, char **argv)
{
	util_init(argc, argv);
	int c, status = 0;
	struct dump d;
	memset(&d, 0, sizeof d);
	while ((c = opt_next(argc, argv, "C")) != -1)
		if (c == '?')
			usage("[-C] [file...]");
	if (opt_ind == argc)
		status |= dump_fd(&d, 0, "stdin") < 0;
	for (int i = opt_ind; i < argc; i++) {
		int fd = open(argv[i], O_RDONLY);
		if (fd < 0) {
			warn_file(argv[i]);
			status = 1;
			continue;
		}
		status |= dump_fd(&d, fd, argv[i]) < 0;
		close(fd);
	}
	if (d.n)
		flush_line(&d);
	if (d.offset)
		printf("%08lx\n", d.offset);
	return status;
}
