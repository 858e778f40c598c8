/*
 * rm.c - /bin/rm [-rf] file...: remove files; -r removes directories
 * with everything in them; -f says nothing about files that do not
 * exist (and makes no operand necessary).  A directory without -r is an
 * error ("rm: <dir>: Is a directory"); "." and ".." are refused.
 * Exit status 1 if anything could not be removed.
 */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "util.h"

static int recursive, force;

static int remove_path(const char *path);

static char *join(const char *dir, const char *name)
{
	char *p = malloc(strlen(dir) + strlen(name) + 2);
	if (p) {
		strcpy(p, dir);
		strcat(p, "/");
		strcat(p, name);
	}
	return p;
}

/* Reads every name first, then removes: a file system need not keep
 * readdir positions stable while entries disappear. */
static int remove_dir(const char *path)
{
	DIR *d = opendir(path);
	if (!d) {
		warn_file(path);
		return -1;
	}
	char **names = NULL;
	int n = 0, status = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		char **more = realloc(names, sizeof *names * (size_t)(n + 1));
		if (more)
			names = more;
		char *sub = more ? join(path, e->d_name) : NULL;
		if (!sub) {
			warn_msg("%s: out of memory", path);
			status = -1;
			break;
		}
		names[n++] = sub;
	}
	closedir(d);
	for (int i = 0; i < n; i++) {
		if (remove_path(names[i]) < 0)
			status = -1;
		free(names[i]);
	}
	free(names);
	if (status == 0 && rmdir(path) < 0) {
		warn_file(path);
		return -1;
	}
	return status;
}

static int remove_path(const char *path)
{
	struct stat st;
	if (lstat(path, &st) < 0) {
		if (force && errno == ENOENT)
			return 0;
		warn_file(path);
		return -1;
	}
	if (S_ISDIR(st.st_mode)) {
		if (recursive)
			return remove_dir(path);
		errno = EISDIR;
		warn_file(path);
		return -1;
	}
	if (unlink(path) < 0) {
		warn_file(path);
		return -1;
	}
	return 0;
}

static int is_dot(const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	return strcmp(base, ".") == 0 || strcmp(base, "..") == 0;
}

int main(int argc, char **argv)
{
	util_init(argc, argv);
	int c, status = 0;
	while ((c = opt_next(argc, argv, "rRf")) != -1) {
		if (c == '?')
			usage("[-rf] file...");
		if (c == 'f')
			force = 1;
		else
			recursive = 1;
	}
	if (opt_ind == argc && !force)
		usage("[-rf] file...");
	for (int i = opt_ind; i < argc; i++) {
		if (is_dot(argv[i])) {
			warn_msg("%s: refusing to remove '.' or '..'", argv[i]);
			status = 1;
		} else if (remove_path(argv[i]) < 0) {
			status = 1;
		}
	}
	return status;
}
