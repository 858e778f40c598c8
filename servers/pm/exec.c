/*
 * exec.c - exec: replace the program of the calling process with an ELF
 * file read through VFS, with new arguments and environment; and the
 * creation of init, the first user process.
 *
 * PM validates the request completely (path, argument block), builds the
 * initial stack (argc, argv[], NULL, envp[], NULL, the PM_AT_* pairs, the
 * strings; pointers
 * for the stack top EXEC_STACK_TOP), reads the file, then asks the kernel
 * (SYS_EXEC) to build the new address space.  Until the kernel call
 * succeeds the old program is untouched and gets an error reply; after
 * it, there is nothing to reply to: the new program runs.
 */
#include "pm.h"

#define IMAGE_MAX (4u << 20)
#define MAX_STRINGS (EXEC_STACK_MAX / 4)   /* each takes a pointer at least: the stack
                                               size check below is the real limit */

static char path[PM_PATH_MAX + 1];
static char args[PM_ARGS_MAX];
static uint32_t stack[EXEC_STACK_MAX / 4];
/* The executable being loaded.  In the state region for speed, not to be
 * kept: a restarted PM gets it as it was instead of 4 MiB of new zero
 * pages (kernel/elf.c); every exec overwrites what it uses. */
static uint8_t image[IMAGE_MAX] STATE;

/* The endpoints a new program starts with (proto/pm.h, PM_AT_*). */
static void aux(uint32_t *w)
{
    endpoint_t self = NONE, vfs = NONE, inet = NONE;
    sys_self(&self, 0);
    sys_lookup("vfs", &vfs);
    sys_lookup("inet", &inet);
    w[0] = PM_AT_PM;   w[1] = (uint32_t)self;
    w[2] = PM_AT_VFS;  w[3] = (uint32_t)vfs;
    w[4] = PM_AT_INET; w[5] = (uint32_t)inet;
    w[6] = PM_AT_NULL; w[7] = 0;
}

/* Lay out the stack for the argument block args[0..len); its size in
 * bytes (a multiple of 16), or -E2BIG / -EINVAL. */
static int build_stack(uint32_t len)
{
    uint32_t argc, envc, n, words, size, base, off;
    char *s;
    if (len < 8)
        return -EINVAL;
    memcpy(&argc, args, 4);
    memcpy(&envc, args + 4, 4);
    if (argc > MAX_STRINGS || envc > MAX_STRINGS)
        return -E2BIG;
    n = argc + envc;
    words = 1 + argc + 1 + envc + 1 + PM_AT_WORDS;
    size = (words * 4 + (len - 8) + 15) & ~15u;
    if (size > sizeof(stack))
        return -E2BIG;
    base = EXEC_STACK_TOP - size;
    memset(stack, 0, size);
    stack[0] = argc;
    s = args + 8;
    off = words * 4;
    memcpy((char *)stack + off, s, len - 8);
    for (uint32_t i = 0, w = 1; i < n; i++, w++) {
        uint32_t left = len - (uint32_t)(s - args), l = strnlen(s, left);
        if (l == left)
            return -EINVAL;             /* a string without its NUL */
        if (i == argc)
            w++;                        /* argv's NULL */
        stack[w] = base + off;
        off += l + 1;
        s += l + 1;
    }
    if (s != args + len)
        return -EINVAL;                 /* bytes after the last string */
    aux(&stack[1 + argc + 1 + envc + 1]);
    return (int)size;
}

static const char *base_name(const char *p)
{
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

/* Load path for ep (NONE: a new process) with the stack already built;
 * the new endpoint, or a negative error. */
static int load(endpoint_t ep, int stack_size, int user)
{
    struct sys_exec x;
    int size = vfs_exec_read(ep, path, image, sizeof(image));
    int r;
    if (size < 0)
        return size;
    memset(&x, 0, sizeof(x));
    x.ep = ep;
    x.image = (uint32_t)image;
    x.size = (uint32_t)size;
    x.stack = (uint32_t)stack;
    x.stack_len = (uint32_t)stack_size;
    x.user = user;
    strlcpy(x.name, base_name(path), sizeof(x.name));
    if ((r = sys_exec(&x)) != OK)
        return r;
    return x.new_ep;
}

/* What survives an exec: ignored signals, the mask, pending signals. */
static void exec_signals(struct mproc *mp)
{
    for (int i = 0; i < PM_NSIG; i++)
        if (mp->sig_handler[i] != PM_SIG_IGN)
            mp->sig_handler[i] = PM_SIG_DFL;
    mp->restorer = 0;
}

int do_exec(message *m)
{
    struct pm_exec *rq = MSG_BODY(m, struct pm_exec);
    struct mproc *mp = mp_caller(m->m_source);
    int r, size;
    if (!mp)
        return -EAGAIN;
    if (rq->path_len == 0)
        return -ENOENT;
    if (rq->path_len > PM_PATH_MAX)
        return -ENAMETOOLONG;
    if (rq->args_len > PM_ARGS_MAX)
        return -E2BIG;
    if (sys_safecopyfrom(m->m_source, rq->path_grant, 0, path, rq->path_len) != OK ||
        sys_safecopyfrom(m->m_source, rq->args_grant, 0, args, rq->args_len) != OK)
        return -EFAULT;
    path[rq->path_len] = '\0';
    if (strlen(path) != rq->path_len)
        return -EINVAL;
    if ((size = build_stack(rq->args_len)) < 0)
        return size;
    if ((r = load(m->m_source, size, mp->uid != 0)) < 0)
        return r;
    mp->brk_base = mp->brk = 0;
    mp_touch(mp);
    exec_signals(mp);
    strlcpy(mp->name, base_name(path), sizeof(mp->name));
    vfs_exec_done(m->m_source);
    mp->blocked = PB_NONE;
    return EDONTREPLY;
}

/* Start init (pid 1) from 'file' with no arguments but its name. */
int exec_init(const char *file, int pid)
{
    static const char *const env[] = { "PATH=/bin", "HOME=/" };
    uint32_t argc = 1, envc = 2, len = 8;
    struct mproc *mp;
    int r, size;
    strlcpy(path, file, sizeof(path));
    memcpy(args, &argc, 4);
    memcpy(args + 4, &envc, 4);
    len += strlcpy(args + len, base_name(file), sizeof(args) - len) + 1;
    for (uint32_t i = 0; i < envc; i++)
        len += strlcpy(args + len, env[i], sizeof(args) - len) + 1;
    if ((size = build_stack(len)) < 0)
        return size;
    if ((r = load(NONE, size, 0)) < 0)
        return r;
    if (!(mp = mp_new(0, r))) {
        sys_kill(r);
        return -EAGAIN;
    }
    if (pid)                            /* mp is marked: mp_new */
        mp->pid = mp->pgrp = mp->sid = pid;
    strlcpy(mp->name, base_name(file), sizeof(mp->name));
    vfs_ids(r, 0, 0);                   /* init is root (before it runs: PM outranks it) */
    return mp->pid;
}
