/*
 * signal.c - POSIX signals over PM: sigaction, signal, raise,
 * sigprocmask, sigpending, sigsuspend, pause.  PM keeps the handlers and the mask;
 * when it delivers a signal the kernel pushes a frame and the handler
 * returns into __sigtramp, which hands the saved context back to PM
 * (PM_SIGRETURN) so the interrupted code continues.  Signal numbers and
 * SIG_DFL/SIG_IGN are newlib's, which PM uses too; signal sets are not:
 * newlib's macros put signal n at bit n of a sigset_t, PM at bit n-1
 * (proto/pm.h), so every set is converted on its way (to_pm, from_pm).
 */
#include <errno.h>
#include <signal.h>
#include <unistd.h>
#include "libc.h"

void __sigtramp(void);
void __sigreturn(int signo, uint32_t ctx);

/* The handler's return address: [esp] = signo, [esp+4] = context. */
__asm__(".globl __sigtramp\n__sigtramp:\n\tcall __sigreturn\n");

void __sigreturn(int signo, uint32_t ctx)
{
    message m;
    memset(&m, 0, sizeof(m));
    MSG_BODY(&m, struct pm_sig)->ctx = ctx;
    __pm_call_once(PM_SIGRETURN, &m);
    _exit(128 + SIGSEGV);               /* PM refused the context */
}

static struct pm_sig *sq(message *m)
{
    return MSG_BODY(m, struct pm_sig);
}

static uint32_t to_pm(sigset_t s)
{
    return (uint32_t)s >> 1;
}

static sigset_t from_pm(uint32_t set)
{
    return (sigset_t)(set << 1);
}

int sigaction(int sig, const struct sigaction *act, struct sigaction *old)
{
    message m;
    int r;
    memset(&m, 0, sizeof(m));
    sq(&m)->signo = sig;
    sq(&m)->handler = act ? (uint32_t)act->sa_handler : ~0u;
    sq(&m)->mask = act ? to_pm(act->sa_mask) : 0;
    sq(&m)->flags = act ? (uint32_t)act->sa_flags : 0;
    sq(&m)->restorer = (uint32_t)__sigtramp;
    r = __pm_call(PM_SIGACTION, &m);
    if (r < 0)
        return __err(r);
    if (old) {
        old->sa_handler = (_sig_func_ptr)sq(&m)->handler;
        old->sa_mask = from_pm(sq(&m)->mask);
        old->sa_flags = (int)sq(&m)->flags;
    }
    return 0;
}

_sig_func_ptr signal(int sig, _sig_func_ptr handler)
{
    struct sigaction act, old = { 0 };
    act.sa_handler = handler;
    act.sa_mask = 0;
    act.sa_flags = 0;
    return sigaction(sig, &act, &old) < 0 ? SIG_ERR : old.sa_handler;
}

int raise(int sig)
{
    return kill(getpid(), sig);
}

/* newlib's SIG_SETMASK, SIG_BLOCK, SIG_UNBLOCK are 0, 1, 2; PM's differ. */
int sigprocmask(int how, const sigset_t *set, sigset_t *old)
{
    message m;
    int r;
    memset(&m, 0, sizeof(m));
    switch (set ? how : -1) {
    case -1:          sq(&m)->how = -1; break;
    case SIG_BLOCK:   sq(&m)->how = PM_SIG_BLOCK; break;
    case SIG_UNBLOCK: sq(&m)->how = PM_SIG_UNBLOCK; break;
    case SIG_SETMASK: sq(&m)->how = PM_SIG_SETMASK; break;
    default:          return __err(-EINVAL);
    }
    sq(&m)->mask = set ? to_pm(*set) : 0;
    r = __pm_call(PM_SIGMASK, &m);
    if (r < 0)
        return __err(r);
    if (old)
        *old = from_pm(sq(&m)->mask);
    return 0;
}

int sigpending(sigset_t *set)
{
    message m;
    int r;
    memset(&m, 0, sizeof(m));
    sq(&m)->how = -1;
    r = __pm_call(PM_SIGMASK, &m);
    if (r < 0)
        return __err(r);
    *set = from_pm(sq(&m)->pending);
    return 0;
}

int sigsuspend(const sigset_t *mask)
{
    message m;
    int r;
    memset(&m, 0, sizeof(m));
    sq(&m)->mask = to_pm(*mask);
    r = __pm_call(PM_SIGSUSPEND, &m);
    return __err(r < 0 ? r : -EINTR);
}

int pause(void)
{
    sigset_t now = 0;
    if (sigprocmask(SIG_BLOCK, 0, &now) < 0)
        return -1;
    return sigsuspend(&now);
}
