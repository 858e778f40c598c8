/*
 * request.c - checks shared by every DS request handler.
 *
 * Interface:
 *   req_key(key)       OK if key is NUL-terminated within DS_KEY_MAX and
 *                      not empty, else -EINVAL
 *   req_type(type)     OK for DST_U32, DST_STR, DST_BLOB, DST_LABEL, else -EINVAL
 *   req_caller(src, label)
 *                      the label of the process that sent the request,
 *                      from the kernel's process table; -EPERM when the
 *                      kernel cannot name it (slot reused, no name) or it
 *                      is a user process (named as it likes: no identity)
 * Invariants: nothing here trusts the message: every byte read lies
 * inside the fixed-size request, and labels come only from the kernel.
 */
#include "ds.h"

int req_key(const char *key)
{
    if (key[0] == '\0')
        return -EINVAL;
    for (int i = 1; i < DS_KEY_MAX; i++)
        if (key[i] == '\0')
            return OK;
    return -EINVAL;
}

int req_type(int32_t type)
{
    return type >= DST_U32 && type <= DST_LABEL ? OK : -EINVAL;
}

int req_caller(endpoint_t src, char label[DS_LABEL_MAX])
{
    struct sys_procinfo pi;
    if (src <= 0 || sys_procinfo(EP_SLOT(src), &pi) != OK || pi.ep != src)
        return -EPERM;
    pi.name[sizeof(pi.name) - 1] = '\0';
    if (pi.name[0] == '\0' || (pi.flags & PI_USER))
        return -EPERM;                  /* a user process's name is no label */
    strlcpy(label, pi.name, DS_LABEL_MAX);
    return OK;
}
