/* sys_copy.c - safecopy wrappers: copy through a grant of 'owner'. */
#include "libsys.h"

static int safecopy(int type, endpoint_t owner, grant_id_t g, uint32_t off,
                    uint32_t addr, uint32_t len)
{
    message m;
    struct sys_safecopy *sc = MSG_BODY(&m, struct sys_safecopy);
    memset(&m, 0, sizeof(m));
    sc->owner = owner;
    sc->grant = g;
    sc->offset = off;
    sc->addr = addr;
    sc->len = len;
    return kernel_call(type, &m);
}

int sys_safecopyfrom(endpoint_t owner, grant_id_t g, uint32_t off, void *dst, uint32_t len)
{
    return safecopy(SYS_SAFECOPYFROM, owner, g, off, (uint32_t)dst, len);
}

int sys_safecopyto(endpoint_t owner, grant_id_t g, uint32_t off, const void *src, uint32_t len)
{
    return safecopy(SYS_SAFECOPYTO, owner, g, off, (uint32_t)src, len);
}
