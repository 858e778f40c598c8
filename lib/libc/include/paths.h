/*
 * paths.h - newlib's <paths.h> plus the paths BSD and glibc programs
 * expect.  /dev/tty is the caller's controlling terminal.
 */
#ifndef STABILIX_PATHS_H
#define STABILIX_PATHS_H

#include_next <paths.h>

#define _PATH_TTY       "/dev/tty"
#define _PATH_CONSOLE   "/dev/console"
#define _PATH_DEFPATH   "/bin"
#define _PATH_STDPATH   "/bin"
#define _PATH_TMP       "/tmp/"
#define _PATH_PASSWD    "/etc/passwd"
#define _PATH_GROUP     "/etc/group"
#define _PATH_SHELLS    "/etc/shells"
#define _PATH_MNTTAB    "/etc/fstab"
#define _PATH_MOUNTED   "/etc/mtab"
#define _PATH_UTMP      "/var/run/utmp"
#define _PATH_WTMP      "/var/log/wtmp"

#endif
