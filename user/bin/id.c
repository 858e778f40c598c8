/*
 * id.c - /bin/id: "uid=N(name) gid=N(name)", and "euid=" / "egid=" after
 * them when the effective ids differ.  Names come from /etc/passwd and
 * /etc/group; an id without an entry is printed bare.  No options.
 */
#include <stdio.h>
#include <unistd.h>
#include "util.h"

static void show(const char *label, long id, const char *file)
{
	struct pw_entry e;
	if (pw_find(file, 0, id, &e) == 0)
		printf("%s=%ld(%s)", label, id, e.name);
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
	show("uid", uid, "/etc/passwd");
	show(" gid", gid, "/etc/group");
	if (euid != uid)
		show(" euid", euid, "/etc/passwd");
	if (egid != gid)
		show(" egid", egid, "/etc/group");
	printf("\n");
	return 0;
}
