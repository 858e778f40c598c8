/*
 * start.c - from the initial stack to main: take argc, argv and envp,
 * the PM_AT_* endpoints PM put after envp, set environ, run newlib's
 * constructors, call main, and exit (so atexit handlers run and stdio is
 * flushed); __progname is argv[0]'s name.  Also the PM call and errno helpers every wrapper uses.
 */
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include "libc.h"

extern char **environ;
extern int main(int argc, char **argv, char **envp);
extern void __libc_init_array(void);
extern void __libc_fini_array(void);

endpoint_t __pm_ep = NONE, __vfs_ep = NONE, __inet_ep = NONE;
char *__progname = "";                 /* argv[0]'s last component (err.c, syslog.c) */

void _init(void)
{
}

void _fini(void)
{
}

void __libc_start(uint32_t *sp)
{
    int argc = (int)sp[0];
    char **argv = (char **)(sp + 1), **envp = argv + argc + 1, **e = envp;
    uint32_t *aux;
    while (*e)
        e++;
    for (aux = (uint32_t *)(e + 1); aux[0] != PM_AT_NULL; aux += 2) {
        if (aux[0] == PM_AT_PM)
            __pm_ep = (endpoint_t)aux[1];
        else if (aux[0] == PM_AT_VFS)
            __vfs_ep = (endpoint_t)aux[1];
        else if (aux[0] == PM_AT_INET)
            __inet_ep = (endpoint_t)aux[1];
    }
    environ = envp;
    if (argc > 0 && argv[0]) {
        char *slash = strrchr(argv[0], '/');
        __progname = slash ? slash + 1 : argv[0];
    }
    atexit(__libc_fini_array);
    __libc_init_array();
    exit(main(argc, argv, envp));
}

int __err(int r)
{
    int e = -r;
    if (e == ECALLDENIED)
        e = EPERM;
    else if (e >= EDEADSRCDST && e <= ENOREPLY)
        e = EIO;                        /* the server died or was confused */
    errno = e;
    return -1;
}
