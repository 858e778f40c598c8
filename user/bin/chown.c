/*
 * chown.c - /bin/chown user[:group] file...: give each file to user (and
 * group), named in /etc/passwd and /etc/group or given as numbers.
 * Root only.  Errors: "chown: <file>: <strerror>", status 1; an unknown
 * user or group: "chown: unknown user X", status 1; no file: usage, 2.
 */
#include <grp.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "util.h"

/* A user (group: a group) named in /etc/passwd (/etc/group), or a
 * number; -1 if neither. */
static long id_of(int group, const char *s)
{
	char *end;
	long v = strtol(s, &end, 10);
	if (*s && !*end && v >= 0 && v <= 65535)
		return v;
	if (group) {
		struct group *g = getgrnam(s);
		return g ? (long)g->gr_gid : -1;
	}
	struct passwd *p = getpwnam(s);
	return p ? (long)p->pw_uid : -1;
}

int main(int argc, char **argv)
{
	char *user, *group;
	long uid, gid = -1;
	int status = 0;
	util_init(argc, argv);
	if (argc < 3)
		usage("user[:group] file...");
	user = argv[1];
	if ((group = strchr(user, ':')))
		*group++ = '\0';
	if ((uid = id_of(0, user)) < 0) {
		warn_msg("unknown user %s", user);
		return 1;
	}
	if (group && (gid = id_of(1, group)) < 0) {
		warn_msg("unknown group %s", group);
		return 1;
	}
	for (int i = 2; i < argc; i++)
		if (chown(argv[i], (uid_t)uid, group ? (gid_t)gid : (gid_t)-1) < 0) {
			warn_file(argv[i]);
			status = 1;
		}
	return status;
}
