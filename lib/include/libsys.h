/*
 * libsys.h - what servers, drivers and test programs link against:
 * the IPC primitives, grants, kernel-call wrappers and a printf that
 * writes to the kernel log.  Every function returns OK (0) or a negative
 * error from errnums.h unless it says otherwise.
 */
#ifndef STABILIX_LIBSYS_H
#define STABILIX_LIBSYS_H

#include <stdarg.h>
#include "ipc.h"
#include "proto/sys.h"
#include "proto/ds.h"
#include "../common/kstring.h"
#include "../common/format.h"

/* The IPC trap (ipc.h has the register use).  The two operations of
 * every request and its reply are inline; the rest are in ipc.c. */
static inline int ipc_trap(int op, endpoint_t ep, uint32_t a, uint32_t b, uint32_t c)
{
    int r;
    __asm__ volatile("int $0x30"
                     : "=a"(r)
                     : "a"(op), "b"(ep), "c"(a), "d"(b), "S"(c)
                     : "memory");
    return r;
}

static inline int ipc_call(endpoint_t dst, message *m)
{
    return ipc_trap(IPC_CALL, dst, (uint32_t)m, 0, 0);
}

/* A call's status says the destination died: before it took the request
 * (EDEADSRCDST: not done) or after (ENOREPLY: perhaps done). */
static inline int ipc_dead(int r)
{
    return r == -EDEADSRCDST || r == -ENOREPLY;
}

/* Reply to dst (blocked in a call to us), then receive(ANY, m);
 * *reply_status gets the reply's status. */
static inline int ipc_replyrecv(endpoint_t dst, message *m, int *reply_status)
{
    int r, rs;
    __asm__ volatile("int $0x30"
                     : "=a"(r), "=d"(rs)
                     : "a"(IPC_REPLYRECV), "b"(dst), "c"((uint32_t)m), "d"(0)
                     : "memory");
    if (reply_status)
        *reply_status = rs;
    return r;
}

int ipc_send(endpoint_t dst, message *m);
int ipc_sendnb(endpoint_t dst, message *m);
int ipc_receive(endpoint_t src, message *m);
int ipc_notify(endpoint_t dst);
grant_id_t grant_create(endpoint_t grantee, const void *addr, uint32_t len, int access);
int grant_revoke(grant_id_t id);

/* kcall.c: a kernel call; returns the IPC error or the reply's status */
int kernel_call(int type, message *m);

/* sys_*.c */
void sys_exit(int status) __attribute__((noreturn));
int sys_kill(endpoint_t ep);
int sys_safecopyfrom(endpoint_t owner, grant_id_t g, uint32_t off, void *dst, uint32_t len);
int sys_safecopyto(endpoint_t owner, grant_id_t g, uint32_t off, const void *src, uint32_t len);
int sys_irqctl(int op, int irq);
int sys_inb(uint32_t port, uint32_t *value);
int sys_outb(uint32_t port, uint32_t value);
int sys_mapdev(uint32_t phys, uint32_t len, void **vaddr);
int sys_console(int op);
int sys_self(endpoint_t *ep, char *label);
int sys_lookup(const char *label, endpoint_t *ep);
/* A restarted server: the live endpoint of label other than 'dead',
 * waiting (polling) up to 'ticks' for RS to start it; NONE if none came. */
endpoint_t sys_lookup_new(const char *label, endpoint_t dead, uint32_t ticks);
uint32_t sys_uptime(void);
uint64_t sys_uptime_us(void);           /* microseconds since boot */
uint32_t sys_boot_epoch(void);          /* epoch second of boot (the CMOS clock) */
int sys_klog(uint32_t offset, char *buf, uint32_t *len, uint32_t *total);
int sys_getarg(const char *key, char *value, size_t len);
int sys_procinfo(int slot, struct sys_procinfo *out);   /* pages left 0 */
int sys_procpages(int slot, struct sys_procinfo *out);  /* the same, pages counted */
int sys_meminfo(uint32_t *free_pages, uint32_t *total_pages);
int sys_stab(struct sys_stab *out);     /* GI_STAB: repair counters */
int sys_acct(struct sys_acct *out);     /* GI_ACCT: TSC spent in IRQs, checker, NMI */
int sys_diag(const char *text, uint32_t len);
int sys_shutdown(int how, int status);
int sys_getksig(struct sys_getksig *out);
int sys_setalarm(uint32_t ticks);
int sys_spawn(const char *label, const void *image, uint32_t size, int flags, endpoint_t *ep);
uint32_t sys_state(uint64_t *ended);    /* GI_STATE: pages inherited, predecessor's end */
/* fork, vmctl, exec: user != 0 for an ordinary user's process (reserve) */
int sys_fork(endpoint_t parent, int user, endpoint_t *child);
int sys_vmctl(endpoint_t ep, int op, uint32_t addr, uint32_t len, int user);
int sys_exec(struct sys_exec *rq);                  /* fills rq->new_ep */
int sys_sigframe(endpoint_t ep, uint32_t handler, uint32_t restorer, int signo,
                 uint32_t mask);
int sys_sigreturn(endpoint_t ep, uint32_t ctx, uint32_t *mask);
int sys_stop(endpoint_t ep, int stop);          /* PM: 1 stop, 0 continue a user process */
int sys_getmodule(int index, const char *name, char *name_out, void *buf,
                  uint32_t len, uint32_t *size);

/* ds.c: the data store (proto/ds.h); key at most 31 characters */
int ds_publish_u32(const char *key, uint32_t value);
int ds_retrieve_u32(const char *key, uint32_t *value);
int ds_publish_str(const char *key, const char *value);
int ds_retrieve_str(const char *key, char *value, uint32_t size);
int ds_publish_blob(const char *key, const void *buf, uint32_t len);
int ds_retrieve_blob(const char *key, void *buf, uint32_t *len);
int ds_publish_label(const char *label, endpoint_t ep);
int ds_retrieve_label(const char *label, endpoint_t *ep);
int ds_delete(const char *key);
int ds_subscribe(const char *pattern);
int ds_check(char *key, int *type, int *deleted);   /* -ESRCH: nothing changed */

/* print.c: formatted output to the kernel log, flushed per line */
int printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
const char *errname(int err);

#endif
