/* do_safecopyfrom.c - SYS_SAFECOPYFROM: grant owner's memory -> caller. */
#include "safecopy.h"

int do_safecopyfrom(struct proc *caller, message *m)
{
    return safecopy(caller, MSG_BODY(m, struct sys_safecopy), GRANT_READ);
}
