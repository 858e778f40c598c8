/*
 * env.c - clearenv: the environment becomes empty (newlib's setenv and
 * putenv build a new one from there).
 */
#include <stdlib.h>

extern char **environ;

int clearenv(void)
{
    static char *empty[1];
    environ = empty;
    return 0;
}
