/* safecopy.h - the shared body of SYS_SAFECOPYFROM and SYS_SAFECOPYTO. */
#ifndef KERNEL_SAFECOPY_H
#define KERNEL_SAFECOPY_H
#include "system.h"
int safecopy(struct proc *caller, const struct sys_safecopy *sc, uint32_t access);
#endif
