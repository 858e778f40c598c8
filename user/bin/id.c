/*
 * id.c - /bin/id: "uid=N(name) gid=N(name)", and "euid=" / "egid=" after
 * them when the effective ids differ.  Names come from /etc/passwd and
 * /etc/group; an id without an entry is printed bare.  No options.
 */
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <unistd.h>
#include "util.h"

static void show(const char *label, long id, int group)
{
	const char *name = 0;
	if (group) {
		struct group *g = getgrgid((gid_t)id);
		name = g ? g->gr_name : 0;
	} else {
		struct passwd *p = getpwuid((uid_t)id);
		name = p ? p->pw_name : 0;
	}
	if (name)
		printf("%s=%ld(%s)", label, id, name);
	else
		printf("%s=%ld", label, id);
}

int main(int argc, char **argv)
{
	long uid, euid, gid, egid;
	util_init(argc, argv);
	if (argc != 1)
		usage("");
	uid = (long)getuid();
	euid = (long)geteuid();
	gid = (long)getgid();
	egid = (long)getegid();
	show("uid", uid, 0);
	show(" gid", gid, 1);
	if (euid != uid)
		show(" euid", euid, 0);
	if (egid != gid)
		show(" egid", egid, 1);
	printf("\n");
	return 0;
}
