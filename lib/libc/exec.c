/*
 * exec.c - execve and its friends.  execve packs argv and envp into one
 * argument block (argc, envc, the strings: proto/pm.h) and lends it and
 * the path to PM through read grants; PM answers only when the exec
 * failed.  execvp searches PATH (default /bin) and runs a file that is
 * not an executable as a shell script, as POSIX says.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "libc.h"

#define MAX_LIST_ARGS 64

extern char **environ;
static char block[PM_ARGS_MAX];

static int pack(char *const argv[], char *const envp[], uint32_t *len)
{
    uint32_t n[2] = { 0, 0 }, off = 8;
    char *const *lists[2] = { argv, envp };
    for (int l = 0; l < 2; l++)
        for (int i = 0; lists[l] && lists[l][i]; i++, n[l]++) {
            size_t s = strlen(lists[l][i]) + 1;
            if (s > sizeof(block) - off)
                return -E2BIG;
            memcpy(block + off, lists[l][i], s);
            off += s;
        }
    memcpy(block, n, 8);
    *len = off;
    return 0;
}

int execve(const char *path, char *const argv[], char *const envp[])
{
    struct pm_exec *rq;
    message m;
    uint32_t len;
    size_t plen;
    int r;
    if (__bad_ptr(path))
        return __err(-EFAULT);
    plen = strlen(path);
    if ((r = pack(argv, envp, &len)) < 0)
        return __err(r);
    /* A PM that died before it took the exec did nothing: lend the grants
     * to the new one and ask again (one that took it and died: EIO). */
    for (int tries = 0; tries < 3; tries++) {
        memset(&m, 0, sizeof(m));
        rq = MSG_BODY(&m, struct pm_exec);
        rq->path_len = plen;
        rq->args_len = len;
        __pm_refresh();                 /* the grants name PM's current endpoint */
        rq->path_grant = grant_create(__pm_ep, path, plen + 1, GRANT_READ);
        rq->args_grant = grant_create(__pm_ep, block, len, GRANT_READ);
        r = rq->path_grant < 0 ? rq->path_grant : rq->args_grant < 0 ? rq->args_grant :
            __pm_call(PM_EXEC, &m);
        if (rq->path_grant >= 0)
            grant_revoke(rq->path_grant);
        if (rq->args_grant >= 0)
            grant_revoke(rq->args_grant);
        if (r != -EDEADSRCDST)
            break;
    }
    return __err(r < 0 ? r : -EIO);
}

int execv(const char *path, char *const argv[])
{
    return execve(path, argv, environ);
}

/* A file the kernel would not run: give it to the shell. */
static int exec_script(const char *path, char *const argv[])
{
    char *args[MAX_LIST_ARGS + 2];
    int n = 0;
    args[n++] = "sh";
    args[n++] = (char *)path;
    for (int i = 1; argv[0] && argv[i] && n < MAX_LIST_ARGS + 1; i++)
        args[n++] = argv[i];
    args[n] = 0;
    return execve("/bin/sh", args, environ);
}

int execvp(const char *file, char *const argv[])
{
    const char *p = getenv("PATH"), *end;
    char full[PM_PATH_MAX + 1];
    int denied = 0;
    if (!*file)
        return __err(-ENOENT);
    if (strchr(file, '/'))
        return execv(file, argv) < 0 && errno == ENOEXEC ? exec_script(file, argv) : -1;
    for (p = p ? p : "/bin"; ; p = end + 1) {
        size_t dl;
        end = strchr(p, ':');
        dl = end ? (size_t)(end - p) : strlen(p);
        if (dl + 1 + strlen(file) < sizeof(full)) {
            memcpy(full, dl ? p : ".", dl ? dl : 1);
            full[dl ? dl : 1] = '/';
            strcpy(full + (dl ? dl : 1) + 1, file);
            execv(full, argv);
            if (errno == ENOEXEC)
                return exec_script(full, argv);
            denied |= errno == EACCES;
        }
        if (!end)
            break;
    }
    return __err(denied ? -EACCES : -ENOENT);
}

static int list_exec(const char *path, const char *arg0, va_list ap, int search,
                     char *const *envp)
{
    char *args[MAX_LIST_ARGS + 1];
    int n = 0;
    args[n++] = (char *)arg0;
    while (arg0 && n < MAX_LIST_ARGS && (args[n] = va_arg(ap, char *)))
        n++;
    if (n == MAX_LIST_ARGS)
        return __err(-E2BIG);
    args[n] = 0;
    if (!envp)
        envp = va_arg(ap, char *const *);
    return search ? execvp(path, args) : execve(path, args, envp);
}

int execl(const char *path, const char *arg0, ...)
{
    va_list ap;
    int r;
    va_start(ap, arg0);
    r = list_exec(path, arg0, ap, 0, environ);
    va_end(ap);
    return r;
}

int execlp(const char *file, const char *arg0, ...)
{
    va_list ap;
    int r;
    va_start(ap, arg0);
    r = list_exec(file, arg0, ap, 1, environ);
    va_end(ap);
    return r;
}

int execle(const char *path, const char *arg0, ...)
{
    va_list ap;
    int r;
    va_start(ap, arg0);
    r = list_exec(path, arg0, ap, 0, 0);
    va_end(ap);
    return r;
}
