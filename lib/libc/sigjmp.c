/*
 * sigjmp.c - siglongjmp: the signal mask sigsetjmp saved (if it saved
 * one), then longjmp (include/setjmp.h).
 */
#include <setjmp.h>
#include <signal.h>

void siglongjmp(sigjmp_buf env, int val)
{
    if (env[0].savemask)
        sigprocmask(SIG_SETMASK, &env[0].mask, 0);
    longjmp(env[0].jb, val);
}
