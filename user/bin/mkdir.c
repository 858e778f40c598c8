/*
 * mkdir.c - /bin/mkdir [-p] dir...: create directories (mode 0777 less
 * the umask).  -p creates missing parents and accepts directories that
 * already exist.  Errors: "mkdir: <dir>: <strerror>", exit status 1.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "util.h"

static int make_one(const char *path, int parents)
{
	struct stat st;
	if (mkdir(path, 0777) == 0)
		return 0;
	if (parents && errno == EEXIST && stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return 0;
	return -1;
}

/* Creates every prefix of path that ends before a '/', then path. */
static int make_parents(const char *path)
{
	char *p = malloc(strlen(path) + 1);
	if (!p)
		return -1;
	strcpy(p, path);
	for (char *s = p + 1; *s; s++) {
		if (*s != '/' || s[-1] == '/')
			continue;
		*s = 0;
		int r = make_one(p, 1);
		*s = '/';
		if (r < 0) {
			free(p);
			return -1;
		}
	}
	free(p);
	return make_one(path, 1);
}

int main(int argc, char **argv)
{
	util_init(argc, argv);
	int c, parents = 0, status = 0;
	while ((c = opt_next(argc, argv, "p")) != -1) {
		if (c == '?')
			usage("[-p] dir...");
		parents = 1;
	}
	if (opt_ind == argc)
		usage("[-p] dir...");
	for (int i = opt_ind; i < argc; i++) {
		if ((parents ? make_parents(argv[i]) : make_one(argv[i], 0)) < 0) {
			warn_file(argv[i]);
			status = 1;
		}
	}
	return status;
}
