/*
 * srv_args.c - what a request carries besides numbers: names and link
 * targets, copied from the grant VFS made, checked before use; and
 * begin(), the start of every request on the mount.
 */
#include "ext2srv.h"

int get_name(const message *m, uint32_t off, uint32_t len, char *buf)
{
    int r;
    if (len == 0 || len > VFS_NAME_MAX)
        return len ? -ENAMETOOLONG : -EINVAL;
    if ((r = sys_safecopyfrom(m->m_source, REQ(m)->grant, off, buf, len)) != OK)
        return r;
    buf[len] = '\0';
    return name_ok(buf, len) ? OK : -EINVAL;
}

int get_target(const message *m, uint32_t off, uint32_t len, char *buf)
{
    int r;
    if (len == 0 || len >= VFS_PATH_MAX)
        return len ? -ENAMETOOLONG : -ENOENT;
    if ((r = sys_safecopyfrom(m->m_source, REQ(m)->grant, off, buf, len)) != OK)
        return r;
    buf[len] = '\0';
    return strlen(buf) == len ? OK : -EINVAL;
}

/* Every request on the mount starts here: the clock for the times it
 * stamps; no mount is EINVAL. */
int begin(void)
{
    clock_set();
    return ext2.mounted ? OK : -EINVAL;
}
