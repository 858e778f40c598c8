/*
 * chmod.c - /bin/chmod MODE file...: set the permission bits of each
 * file to MODE, an octal number (0 to 7777).  The owner or root only.
 * Errors: "chmod: <file>: <strerror>" and status 1 (the other files are
 * still done); a bad mode or no file: usage, status 2.
 */
#include <stdlib.h>
#include <sys/stat.h>
#include "util.h"

int main(int argc, char **argv)
{
	char *end;
	long mode;
	int status = 0;
	util_init(argc, argv);
	if (argc < 3)
		usage("octal-mode file...");
	mode = strtol(argv[1], &end, 8);
	if (*end || end == argv[1] || mode < 0 || mode > 07777)
		usage("octal-mode file...");
	for (int i = 2; i < argc; i++)
		if (chmod(argv[i], (mode_t)mode) < 0) {
			warn_file(argv[i]);
			status = 1;
		}
	return status;
}
