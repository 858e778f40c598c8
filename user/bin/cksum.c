/*
 * cksum.c - /bin/cksum [file...]: the POSIX checksum (CRC-32 with the
 * polynomial 0x04C11DB7, most significant bit first, over the data and
 * then its length, complemented) and the byte count of each file or of
 * standard input: "<crc> <bytes>[ <file>]", as POSIX and GNU cksum print
 * it.  Errors: "cksum: <file>: <strerror>", status 1.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include "util.h"

static unsigned long table[256];

static void make_table(void)
{
	for (unsigned long i = 0; i < 256; i++) {
		unsigned long c = i << 24;
		for (int k = 0; k < 8; k++)
			c = c & 0x80000000UL ? (c << 1) ^ 0x04C11DB7UL : c << 1;
		table[i] = c & 0xffffffffUL;
	}
}

static unsigned long step(unsigned long crc, unsigned char b)
{
	return ((crc << 8) ^ table[((crc >> 24) ^ b) & 0xff]) & 0xffffffffUL;
}

static int sum(int fd, const char *name)
{
	unsigned char buf[8192];
	unsigned long crc = 0, len = 0;
	ssize_t n;
	while ((n = read(fd, buf, sizeof buf)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		for (ssize_t i = 0; i < n; i++)
			crc = step(crc, buf[i]);
		len += (unsigned long)n;
	}
	for (unsigned long l = len; l; l >>= 8)
		crc = step(crc, l & 0xff);
	printf("%lu %lu%s%s\n", ~crc & 0xffffffffUL, len, name ? " " : "", name ? name : "");
	return 0;
}

int main(int argc, char **argv)
{
	int status = 0;
	util_init(argc, argv);
	if (opt_next(argc, argv, "") != -1)
		usage("[file...]");
	make_table();
	if (opt_ind == argc)
		return sum(0, 0) < 0 ? (warn_file("-"), 1) : 0;
	for (int i = opt_ind; i < argc; i++) {
		int fd = open(argv[i], O_RDONLY);
		if (fd < 0 || sum(fd, argv[i]) < 0) {
			warn_file(argv[i]);
			status = 1;
		}
		if (fd >= 0)
			close(fd);
	}
	return status;
}
