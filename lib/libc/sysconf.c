/*
 * sysconf.c - system limits and options: what PM, VFS and exec really
 * allow (proto/vfs.h, exec.c), the clock's tick and the page size.
 * An unknown name is EINVAL.
 */
#include <errno.h>
#include <limits.h>
#include <unistd.h>
#include "ipc.h"
#include "proto/pm.h"
#include "proto/vfs.h"

_Static_assert(ARG_MAX == PM_ARGS_MAX / 3, "<sys/syslimits.h> says what sysconf says");

long sysconf(int name)
{
    switch (name) {
    case _SC_ARG_MAX:          return ARG_MAX;      /* see <sys/syslimits.h> */
    case _SC_CHILD_MAX:        return NR_PROCS;
    case _SC_CLK_TCK:          return 100;
    case _SC_NGROUPS_MAX:      return 0;
    case _SC_OPEN_MAX:         return VFS_OPEN_MAX;
    case _SC_JOB_CONTROL:      return 1;
    case _SC_SAVED_IDS:        return 0;
    case _SC_VERSION:          return 200809L;
    case _SC_PAGESIZE:         return 4096;
    case _SC_NPROCESSORS_CONF: return 1;
    case _SC_NPROCESSORS_ONLN: return 1;
    case _SC_LINE_MAX:         return 2048;
    case _SC_TTY_NAME_MAX:     return 32;
    case _SC_HOST_NAME_MAX:    return NR_PROCS;
    case _SC_LOGIN_NAME_MAX:   return 32;
    default:
        errno = EINVAL;
        return -1;
    }
}
