/*
 * cp.c - /bin/cp src dst | cp src... dir: copy regular files.  When the
 * last operand is a directory each source goes to dir/<its basename>;
 * several sources need a directory.  The copy gets the source's
 * permission bits.  Directories are not copied ("cp: <src>: Is a
 * directory"), nor a file onto itself.  Errors: "cp: <file>: <strerror>",
 * exit status 1.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "util.h"

#define USAGE "src dst | cp src... dir"

static char *into_dir(const char *dir, const char *src)
{
	const char *base = strrchr(src, '/');
	base = base ? base + 1 : src;
	char *p = malloc(strlen(dir) + strlen(base) + 2);
	if (p) {
		strcpy(p, dir);
		strcat(p, "/");
		strcat(p, base);
	}
	return p;
}

/* Copies the bytes of in to out; -1 with errno set and *bad the culprit. */
static int copy_data(int in, int out, const char *src, const char *dst, const char **bad)
{
	char buf[4096];
	ssize_t n;
	while ((n = read(in, buf, sizeof buf)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			*bad = src;
			return -1;
		}
		if (write_all(out, buf, (unsigned long)n) < 0) {
			*bad = dst;
			return -1;
		}
	}
	return 0;
}

static int copy_file(const char *src, const char *dst)
{
	struct stat st;
	int in = open(src, O_RDONLY);
	if (in < 0 || fstat(in, &st) < 0) {
		warn_file(src);
		if (in >= 0)
			close(in);
		return -1;
	}
	if (S_ISDIR(st.st_mode)) {
		close(in);
		errno = EISDIR;
		warn_file(src);
		return -1;
	}
	struct stat dst_st;
	if (stat(dst, &dst_st) == 0 && dst_st.st_dev == st.st_dev && dst_st.st_ino == st.st_ino) {
		warn_msg("%s and %s are the same file", src, dst);
		close(in);
		return -1;
	}
	int out = open(dst, O_WRONLY | O_CREAT | O_TRUNC, st.st_mode & 0777);
	if (out < 0) {
		warn_file(dst);
		close(in);
		return -1;
	}
	const char *bad = NULL;
	int r = copy_data(in, out, src, dst, &bad);
	if (r < 0)
		warn_file(bad);
	close(in);
	if (close(out) < 0 && r == 0) {
		warn_file(dst);
		r = -1;
	}
	return r;
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
		if (!target || copy_file(argv[i], target) < 0)
			status = 1;
		if (to_dir)
			free(target);
	}
	return status;
}
