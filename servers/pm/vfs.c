/*
 * vfs.c - what PM tells VFS about processes (fork, exit, exec, signals).
 * Without a VFS in the system (tests that start PM alone) there is
 * nothing to tell, and exec finds no files.
 */
#include "pm.h"

static endpoint_t vfs_ep(void)
{
    endpoint_t ep;
    return sys_lookup("vfs", &ep) == OK ? ep : NONE;
}

int vfs_fork(endpoint_t parent, endpoint_t child)
{
    return vfs_ep() == NONE ? OK : -ENOSYS;
}

void vfs_exit(endpoint_t ep)
{
}

int vfs_exec_read(endpoint_t ep, const char *path, void *buf, uint32_t size)
{
    return -ENOENT;
}

void vfs_exec_done(endpoint_t ep)
{
}

void vfs_unpause(endpoint_t ep)
{
}
