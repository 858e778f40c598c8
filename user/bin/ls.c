/*
 * ls.c - /bin/ls [-la] [path...]: list files and directory contents
 * (default "."), one name a line, sorted by name (byte order).  Names
 * starting with '.' are shown only with -a.  -l prints
 *   <mode> <links> <size> <name>       e.g.  "-rw-r--r--   1       12 notes"
 * with the links right-aligned in 3 columns and the size in 8.  File
 * operands come first, then each directory (with a "<dir>:" heading when
 * there are several operands, sections separated by an empty line).
 * Errors: "ls: <path>: <strerror>", exit status 1.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "util.h"

static int opt_a, opt_l;

static void mode_string(mode_t m, char *s)
{
	s[0] = S_ISDIR(m) ? 'd' : S_ISLNK(m) ? 'l' : S_ISCHR(m) ? 'c' :
	       S_ISBLK(m) ? 'b' : S_ISFIFO(m) ? 'p' : '-';
	const char *rwx = "rwxrwxrwx";
	for (int i = 0; i < 9; i++)
		s[i + 1] = m & (0400 >> i) ? rwx[i] : '-';
	s[10] = 0;
}

/* One entry; path is what to stat, name what to print. */
static int show(const char *path, const char *name)
{
	struct stat st;
	char mode[11];
	if (!opt_l) {
		printf("%s\n", name);
		return 0;
	}
	if (lstat(path, &st) < 0) {
		warn_file(path);
		return -1;
	}
	mode_string(st.st_mode, mode);
	printf("%s %3lu %8lld %s\n", mode, (unsigned long)st.st_nlink,
	       (long long)st.st_size, name);
	return 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Reads the names of a directory (all, or without dot files). */
static char **read_names(const char *dir, int *count)
{
	DIR *d = opendir(dir);
	if (!d)
		return NULL;
	char **names = NULL;
	int n = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.' && !opt_a)
			continue;
		char **more = realloc(names, sizeof *names * (size_t)(n + 1));
		if (!more)
			break;
		names = more;
		if (!(names[n] = malloc(strlen(e->d_name) + 1)))
			break;
		strcpy(names[n++], e->d_name);
	}
	closedir(d);
	qsort(names, (size_t)n, sizeof *names, by_name);
	*count = n;
	return names ? names : calloc(1, sizeof *names);
}

static int list_dir(const char *dir)
{
	int n, status = 0;
	char **names = read_names(dir, &n);
	if (!names) {
		warn_file(dir);
		return -1;
	}
	for (int i = 0; i < n; i++) {
		char *path = malloc(strlen(dir) + strlen(names[i]) + 2);
		if (path) {
			sprintf(path, "%s/%s", dir, names[i]);
			status |= show(path, names[i]);
		}
		free(path);
		free(names[i]);
	}
	free(names);
	return status;
}

int main(int argc, char **argv)
{
	util_init(argc, argv);
	int c, status = 0, sections = 0;
	while ((c = opt_next(argc, argv, "la")) != -1) {
		if (c == '?')
			usage("[-la] [path...]");
		opt_a |= c == 'a';
		opt_l |= c == 'l';
	}
	if (opt_ind == argc)
		return list_dir(".") < 0;
	int nops = argc - opt_ind;
	struct stat st;
	for (int i = opt_ind; i < argc; i++) {      /* files first */
		if (stat(argv[i], &st) < 0) {
			warn_file(argv[i]);
			status = 1;
		} else if (!S_ISDIR(st.st_mode)) {
			status |= show(argv[i], argv[i]) < 0;
			sections = 1;
		}
	}
	for (int i = opt_ind; i < argc; i++) {
		if (stat(argv[i], &st) < 0 || !S_ISDIR(st.st_mode))
			continue;
		if (sections++)
			putchar('\n');
		if (nops > 1)
			printf("%s:\n", argv[i]);
		status |= list_dir(argv[i]) < 0;
	}
	return status;
}
