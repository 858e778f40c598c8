/*
 * signal.h - newlib's <signal.h> plus the sigaction flags of POSIX that
 * its i686-elf build leaves out.  PM keeps sa_flags as given
 * (docs/pm.md says which it acts on).
 */
#ifndef STABILIX_SIGNAL_H
#define STABILIX_SIGNAL_H

#include_next <signal.h>

#ifndef SA_RESTART
#define SA_NOCLDWAIT 0x00000020
#define SA_NODEFER   0x40000000
#define SA_RESETHAND 0x80000000
#define SA_RESTART   0x10000000
#define SA_NOMASK    SA_NODEFER
#define SA_ONESHOT   SA_RESETHAND
#endif

#endif
