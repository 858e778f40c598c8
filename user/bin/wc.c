/*
 * wc.c - /bin/wc [-lwc] [file...]: count lines (newlines), words
 * (maximal runs of non-space characters) and bytes of each file or of
 * standard input.  Without options all three.  One output line per file:
 * the selected counts in the order lines, words, bytes, each "%7lu" and
 * separated by a space, then " <file>" when a file was named; a "total"
 * line after two or more files.  Errors: "wc: <file>: <strerror>", status 1.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include "util.h"

struct counts { unsigned long lines, words, bytes; };

static int show_l, show_w, show_c;

static int count(int fd, struct counts *c)
{
	char buf[4096];
	int inword = 0;
	ssize_t n;
	while ((n = read(fd, buf, sizeof buf)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		c->bytes += (unsigned long)n;
		for (ssize_t i = 0; i < n; i++) {
			unsigned char ch = (unsigned char)buf[i];
			c->lines += ch == '\n';
			if (isspace(ch)) {
				inword = 0;
			} else if (!inword) {
				inword = 1;
				c->words++;
			}
		}
	}
	return 0;
}

static void print(const struct counts *c, const char *name)
{
	const char *sep = "";
	if (show_l) {
		printf("%s%7lu", sep, c->lines);
		sep = " ";
	}
	if (show_w) {
		printf("%s%7lu", sep, c->words);
		sep = " ";
	}
	if (show_c)
		printf("%s%7lu", sep, c->bytes);
	if (name)
		printf(" %s", name);
	putchar('\n');
}

int main(int argc, char **argv)
{
	util_init(argc, argv);
	int ch, status = 0;
	while ((ch = opt_next(argc, argv, "lwc")) != -1) {
		if (ch == '?')
			usage("[-lwc] [file...]");
		show_l |= ch == 'l';
		show_w |= ch == 'w';
		show_c |= ch == 'c';
	}
	if (!show_l && !show_w && !show_c)
		show_l = show_w = show_c = 1;
	struct counts total = { 0, 0, 0 };
	if (opt_ind == argc) {
		if (count(0, &total) < 0) {
			warn_file("stdin");
			return 1;
		}
		print(&total, NULL);
		return 0;
	}
	for (int i = opt_ind; i < argc; i++) {
		struct counts c = { 0, 0, 0 };
		int fd = open(argv[i], O_RDONLY);
		if (fd < 0 || count(fd, &c) < 0) {
			warn_file(argv[i]);
			status = 1;
		} else {
			print(&c, argv[i]);
			total.lines += c.lines;
			total.words += c.words;
			total.bytes += c.bytes;
		}
		if (fd >= 0)
			close(fd);
	}
	if (argc - opt_ind > 1)
		print(&total, "total");
	return status;
}
