/*
 * fstest.c - /test/fstest: the file-system calls beyond open, read and
 * write, through lib/libc on the real system: symbolic links (symlink,
 * readlink and its short buffer, lstat against stat, links in the middle
 * of a path and relative to their directory, ELOOP past 8 links and for
 * O_NOFOLLOW, O_CREAT through a dangling link, O_EXCL on one, unlink
 * and lchown of the link itself, realpath), file times (utimensat with
 * explicit times, UTIME_OMIT, UTIME_NOW, AT_SYMLINK_NOFOLLOW, futimens,
 * bad nanoseconds), fchmod and fchown, the rules for an ordinary user
 * (EPERM, EACCES), statvfs/statfs against what a write takes and what an
 * unlink gives back, and the mount list getmntent reads from VFS.
 * Works in a fresh directory under /tmp; must run as root.  Prints
 * "ok - <what>" or "not ok - <what>" per check and exits with the number
 * of failures.
 */
#define _XOPEN_SOURCE 700      /* realpath */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <mntent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/statvfs.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <utime.h>

static int failures;

static void check(int ok, const char *what)
{
	printf("%s - %s\n", ok ? "ok" : "not ok", what);
	fflush(stdout);
	failures += !ok;
}

static int fails(int r, int err)
{
	return r == -1 && errno == err;
}

static void make_file(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	write(fd, text, strlen(text));
	close(fd);
}

static int contents_are(const char *path, const char *text)
{
	char buf[64];
	int fd = open(path, O_RDONLY), n;
	if (fd < 0)
		return 0;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	buf[n > 0 ? n : 0] = 0;
	return strcmp(buf, text) == 0;
}

static void test_symlink_basics(void)
{
	struct stat ls, st;
	char buf[16];
	make_file("f", "data");
	check(symlink("f", "l") == 0, "symlink makes a link");
	check(fails(symlink("other", "l"), EEXIST), "symlink on an existing link: EEXIST");
	check(fails(symlink("other", "f"), EEXIST), "symlink on an existing file: EEXIST");
	check(fails(symlink("", "e"), ENOENT), "symlink to an empty target: ENOENT");
	check(lstat("l", &ls) == 0 && S_ISLNK(ls.st_mode) && ls.st_size == 1,
	      "lstat: the link itself, size = target length");
	check(stat("l", &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 4,
	      "stat: the target");
	check(readlink("l", buf, sizeof(buf)) == 1 && buf[0] == 'f', "readlink: the target, no NUL");
	check(fails(readlink("f", buf, sizeof(buf)), EINVAL), "readlink of a regular file: EINVAL");
	check(fails(readlink("nosuch", buf, sizeof(buf)), ENOENT), "readlink of a missing name: ENOENT");
	symlink("a-long-target-name", "long");
	memset(buf, 'x', sizeof(buf));
	check(readlink("long", buf, 4) == 4 && memcmp(buf, "a-lo", 4) == 0 && buf[4] == 'x',
	      "readlink with a small buffer: cut to its size");
	check(contents_are("l", "data"), "open follows the link");
}

static void test_symlink_paths(void)
{
	char buf[PATH_MAX], *rp;
	mkdir("d", 0755);
	make_file("d/in", "inside");
	symlink("d", "dl");
	symlink("../f", "d/up");
	check(contents_are("dl/in", "inside"), "a link in the middle of a path");
	check(contents_are("d/up", "data"), "a relative target: from the link's directory");
	getcwd(buf, sizeof(buf));
	strcat(buf, "/d/in");
	symlink(buf, "abs");
	check(contents_are("abs", "inside"), "an absolute target: from the root");
	rp = realpath("dl/up", NULL);
	getcwd(buf, sizeof(buf));
	strcat(buf, "/f");
	check(rp && strcmp(rp, buf) == 0, "realpath resolves every link");
	free(rp);
	check(fails(open("dl/nosuch", O_RDONLY), ENOENT), "a missing name behind a link: ENOENT");
	check(fails(open("f/x", O_RDONLY), ENOTDIR) && fails(open("l/x", O_RDONLY), ENOTDIR),
	      "a file (or a link to one) in the middle: ENOTDIR");
}

static void test_symlink_limits(void)
{
	char from[8], to[8];
	symlink("loop2", "loop1");
	symlink("loop1", "loop2");
	check(fails(open("loop1", O_RDONLY), ELOOP), "a loop of links: ELOOP");
	check(fails(stat("loop1", &(struct stat){0}), ELOOP), "stat of a loop: ELOOP");
	check(lstat("loop1", &(struct stat){0}) == 0, "lstat of a loop: the link");
	/* c0 -> c1 -> ... -> c8 -> f: 8 links are followed, 9 are too many */
	for (int i = 0; i < 9; i++) {
		snprintf(from, sizeof(from), "c%d", i);
		snprintf(to, sizeof(to), "c%d", i + 1);
		symlink(i == 8 ? "f" : to, from);
	}
	check(contents_are("c1", "data"), "a chain of 8 links is followed");
	check(fails(open("c0", O_RDONLY), ELOOP), "a chain of 9 links: ELOOP");
	check(fails(open("l", O_RDONLY | O_NOFOLLOW), ELOOP), "O_NOFOLLOW on a link: ELOOP");
	symlink("made", "dangling");
	check(fails(open("dangling", O_RDONLY), ENOENT), "a dangling link: ENOENT");
	check(fails(open("dangling", O_WRONLY | O_CREAT | O_EXCL, 0644), EEXIST),
	      "O_CREAT|O_EXCL on a dangling link: EEXIST");
	check(access("made", F_OK) != 0, "and nothing was created");
	int fd = open("dangling", O_WRONLY | O_CREAT, 0644);
	check(fd >= 0 && write(fd, "new", 3) == 3, "O_CREAT through a dangling link");
	close(fd);
	check(contents_are("made", "new"), "creates the link's target");
	check(unlink("dangling") == 0 && lstat("dangling", &(struct stat){0}) != 0 &&
	      contents_are("made", "new"), "unlink removes the link, not the target");
}

static int time_is(const char *path, int follow, time_t atime, time_t mtime)
{
	struct stat st;
	if ((follow ? stat(path, &st) : lstat(path, &st)) != 0)
		return 0;
	return st.st_atime == atime && st.st_mtime == mtime;
}

static void test_times(void)
{
	struct timespec ts[2] = { { 1000000000, 0 }, { 1100000000, 0 } };
	struct stat st;
	int fd;
	check(utimensat(AT_FDCWD, "f", ts, 0) == 0 && time_is("f", 1, 1000000000, 1100000000),
	      "utimensat sets both times");
	ts[0].tv_nsec = UTIME_OMIT;
	ts[1].tv_sec = 1200000000;
	check(utimensat(AT_FDCWD, "f", ts, 0) == 0 && time_is("f", 1, 1000000000, 1200000000),
	      "UTIME_OMIT leaves that time alone");
	ts[0].tv_nsec = UTIME_NOW;
	ts[1].tv_nsec = UTIME_OMIT;
	check(utimensat(AT_FDCWD, "f", ts, 0) == 0 && stat("f", &st) == 0 &&
	      st.st_atime >= time(NULL) - 5 && st.st_mtime == 1200000000, "UTIME_NOW sets it to now");
	ts[0] = (struct timespec){ 5, 0 };
	ts[1] = (struct timespec){ 6, 0 };
	check(utimensat(AT_FDCWD, "l", ts, AT_SYMLINK_NOFOLLOW) == 0 && time_is("l", 0, 5, 6) &&
	      !time_is("f", 1, 5, 6), "AT_SYMLINK_NOFOLLOW: the link's own times");
	ts[1].tv_nsec = 1000000000;
	check(fails(utimensat(AT_FDCWD, "f", ts, 0), EINVAL), "nanoseconds out of range: EINVAL");
	check(fails(utimensat(AT_FDCWD, "nosuch", NULL, 0), ENOENT), "utimensat of a missing file: ENOENT");
	fd = open("f", O_RDONLY);
	ts[1] = (struct timespec){ 7, 0 };
	check(futimens(fd, ts) == 0 && time_is("f", 1, 5, 7), "futimens by descriptor");
	close(fd);
	check(fails(futimens(99, NULL), EBADF), "futimens of a closed descriptor: EBADF");
	check(utime("f", NULL) == 0 && stat("f", &st) == 0 && st.st_mtime >= time(NULL) - 5,
	      "utime(NULL): now");
}

static void test_fd_owner(void)
{
	struct stat st;
	int fd = open("f", O_RDONLY);
	check(fchmod(fd, 0600) == 0 && stat("f", &st) == 0 && (st.st_mode & 07777) == 0600,
	      "fchmod by descriptor");
	check(fchown(fd, 1000, 1000) == 0 && stat("f", &st) == 0 && st.st_uid == 1000 &&
	      st.st_gid == 1000, "fchown by descriptor");
	fchown(fd, 0, 0);
	fchmod(fd, 0644);
	close(fd);
	check(fails(fchmod(99, 0644), EBADF), "fchmod of a closed descriptor: EBADF");
	check(lchown("l", 1000, -1) == 0 && lstat("l", &st) == 0 && st.st_uid == 1000 &&
	      stat("l", &st) == 0 && st.st_uid == 0, "lchown: the link's owner, not the target's");
}

/* In a child with uid and gid 1000: what an ordinary user may not do to
 * root's file f (0644). */
static int as_user(void)
{
	struct timespec ts[2] = { { 1, 0 }, { 2, 0 } };
	int bad = 0, fd;
	if (setgid(1000) != 0 || setuid(1000) != 0)
		return 100;
	fd = open("f", O_RDONLY);
	bad += !fails(fchmod(fd, 0777), EPERM);
	bad += !fails(fchown(fd, 1000, 1000), EPERM);
	bad += !fails(utimensat(AT_FDCWD, "f", ts, 0), EPERM);
	bad += !fails(utimensat(AT_FDCWD, "f", NULL, 0), EACCES);
	bad += !fails(futimens(fd, NULL), EACCES);
	close(fd);
	return bad;
}

static void test_user_rules(void)
{
	int status = -1;
	pid_t pid = fork();
	if (pid == 0)
		_exit(as_user());
	waitpid(pid, &status, 0);
	check(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "an ordinary user: fchmod, fchown, set times EPERM; touch without write EACCES");
}

static void test_statvfs(void)
{
	struct statvfs a, b, c;
	struct statfs sf;
	char block[4096];
	int fd;
	check(statvfs(".", &a) == 0 && a.f_bsize == 4096 && a.f_frsize == 4096 &&
	      a.f_blocks == 4096 && a.f_bfree <= a.f_blocks && a.f_bavail == a.f_bfree &&
	      a.f_files == 2048 && a.f_ffree < a.f_files && a.f_namemax == 59,
	      "statvfs: ramfs's 4096 blocks of 4 KiB and 2048 inodes");
	memset(block, 'b', sizeof(block));
	fd = open("big", O_WRONLY | O_CREAT, 0644);
	for (int i = 0; i < 10; i++)
		write(fd, block, sizeof(block));
	check(fstatvfs(fd, &b) == 0 && b.f_bfree == a.f_bfree - 10 && b.f_ffree == a.f_ffree - 1,
	      "a 40 KiB file takes 10 blocks and an inode");
	close(fd);
	unlink("big");
	check(statvfs("/", &c) == 0 && c.f_bfree == a.f_bfree && c.f_ffree == a.f_ffree,
	      "unlink gives them back");
	check(statfs("/tmp", &sf) == 0 && sf.f_bsize == 4096 && sf.f_blocks == 4096 &&
	      (unsigned long)sf.f_bfree == c.f_bfree, "statfs: the same figures");
	check(fails(statvfs("nosuch", &a), ENOENT), "statvfs of a missing path: ENOENT");
	check(fails(fstatvfs(99, &a), EBADF), "fstatvfs of a closed descriptor: EBADF");
}

static void test_mounts(void)
{
	FILE *f = setmntent("/proc/mounts", "r");
	struct mntent *m = f ? getmntent(f) : NULL;
	check(m && strcmp(m->mnt_fsname, "ramfs") == 0 && strcmp(m->mnt_dir, "/") == 0 &&
	      strcmp(m->mnt_type, "ramfs") == 0, "getmntent: ramfs on /");
	check(f && getmntent(f) == NULL, "and nothing else is mounted");
	if (f)
		endmntent(f);
}

int main(void)
{
	char dir[32];
	snprintf(dir, sizeof(dir), "/tmp/fstest.%d", (int)getpid());
	if (mkdir(dir, 0755) != 0 || chdir(dir) != 0) {
		printf("fstest: cannot make %s\n", dir);
		return 1;
	}
	test_symlink_basics();
	test_symlink_paths();
	test_symlink_limits();
	test_times();
	test_fd_owner();
	test_user_rules();
	test_statvfs();
	test_mounts();
	printf("fstest: %s (%d failed)\n", failures ? "FAIL" : "PASS", failures);
	return failures;
}
