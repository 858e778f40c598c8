/* do_safecopyto.c - SYS_SAFECOPYTO: caller -> grant owner's memory. */
#include "safecopy.h"

int do_safecopyto(struct proc *caller, message *m)
{
    return safecopy(caller, MSG_BODY(m, struct sys_safecopy), GRANT_WRITE);
}
