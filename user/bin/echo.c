/*
 * echo.c - /bin/echo [-n] [arg...]: write the arguments separated by one
 * space, then a newline unless the first argument is exactly -n.
 * No escape sequences.  Exit status 1 if the output cannot be written.
 */
#include <stdio.h>
#include <string.h>
#include "util.h"

int main(int argc, char **argv)
{
	util_init(argc, argv);
	int i = 1, newline = 1;
	if (argc > 1 && strcmp(argv[1], "-n") == 0) {
		newline = 0;
		i = 2;
	}
	for (int first = i; i < argc; i++) {
		if (i > first)
			putchar(' ');
		fputs(argv[i], stdout);
	}
	if (newline)
		putchar('\n');
	if (fflush(stdout) != 0 || ferror(stdout)) {
		warn_file("stdout");
		return 1;
	}
	return 0;
}
