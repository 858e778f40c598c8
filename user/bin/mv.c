/*
 * mv.c - /bin/mv src dst | mv src... dir: rename files and directories
 * with rename(2); when the last operand is a directory each source goes
 * to dir/<its basename>.  No copying across file systems (EXDEV is
 * reported).  Errors: "mv: <src>: <strerror>", exit status 1.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "util.h"

#define USAGE "src dst | mv src... dir"

static char *into_dir(const char *dir, const char *src)
{
	size_t n = strlen(src);
	while (n > 1 && src[n - 1] == '/')
		n--;
	const char *base = src + n;
	while (base > src && base[-1] != '/')
		base--;
	size_t nb = (size_t)(src + n - base);
	char *p = malloc(strlen(dir) + nb + 2);
	if (p) {
		strcpy(p, dir);
		strcat(p, "/");
		strncat(p, base, nb);
	}
	return p;
}

int main(int argc, char **argv)
{
	util_init(argc, argv);
	int c, status = 0;
	while ((c = opt_next(argc, argv, "")) != -1)
		usage(USAGE);
	int nsrc = argc - opt_ind - 1;
	if (nsrc < 1)
		usage(USAGE);
	const char *dst = argv[argc - 1];
	struct stat st;
	int to_dir = stat(dst, &st) == 0 && S_ISDIR(st.st_mode);
	if (nsrc > 1 && !to_dir) {
		errno = ENOTDIR;
		warn_file(dst);
		return 1;
	}
	for (int i = opt_ind; i < argc - 1; i++) {
		char *target = to_dir ? into_dir(dst, argv[i]) : (char *)dst;
		if (!target || rename(argv[i], target) < 0) {
			warn_file(argv[i]);
			status = 1;
		}
		if (to_dir)
			free(target);
	}
	return status;
}
