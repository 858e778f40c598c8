/*
 * sys/utsname.h - the system's name (lib/libc/uname.c: "Stabilix",
 * the release and build of this libc, "i686"; nodename from
 * /etc/hostname when it exists, else "stabilix").
 */
#ifndef STABILIX_SYS_UTSNAME_H
#define STABILIX_SYS_UTSNAME_H

#define _UTSNAME_LENGTH 65

struct utsname {
	char sysname[_UTSNAME_LENGTH];
	char nodename[_UTSNAME_LENGTH];
	char release[_UTSNAME_LENGTH];
	char version[_UTSNAME_LENGTH];
	char machine[_UTSNAME_LENGTH];
	char domainname[_UTSNAME_LENGTH];
};

int uname(struct utsname *u);

#endif
