/*
 * setjmp.h - newlib's <setjmp.h> plus POSIX sigsetjmp/siglongjmp, which
 * its i686-elf build leaves out (lib/libc/sigjmp.c).  sigsetjmp must be
 * a macro: setjmp has to be called in the caller's own frame.  With a
 * non-zero savemask the signal mask is saved, and siglongjmp puts it back.
 */
#ifndef STABILIX_SETJMP_H
#define STABILIX_SETJMP_H

#include_next <setjmp.h>
#include <signal.h>

typedef struct {
    jmp_buf jb;
    int savemask;
    sigset_t mask;
} sigjmp_buf[1];

#define sigsetjmp(env, save) \
    ((env)[0].savemask = (save), \
     (env)[0].savemask ? (void)sigprocmask(SIG_BLOCK, 0, &(env)[0].mask) : (void)0, \
     setjmp((env)[0].jb))

void siglongjmp(sigjmp_buf env, int val) __attribute__((noreturn));

#endif
