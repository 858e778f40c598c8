/*
 * ipc.h - the public IPC ABI of Stabilix (DESIGN.md section 3).
 *
 * Interface:
 *   - endpoint_t: (generation, slot) packed as ENDPOINT(gen, slot); a slot's
 *     generation changes every time the slot is freed, so a stale endpoint
 *     never reaches a process that later reuses the slot (EDEADSRCDST).
 *   - message: exactly 64 bytes, { m_source, m_type, 56-byte payload }.
 *     Each protocol defines its own payload structs in lib/include/proto/
 *     and checks their size with MSG_PAYLOAD_CHECK.
 *   - the IPC trap (int IPC_VECTOR): eax = operation, ebx = endpoint,
 *     ecx = message address.  Returns OK or a negative error in eax.
 *     IPC_REPLYRECV is reply + receive(ANY) in one trap, as L4's
 *     reply-and-wait: the usual loop of a server.
 *   - grants: the GRANT/REVOKE trap operations are available to every
 *     process; copying through a grant is a kernel call (proto/sys.h).
 * Invariants: the kernel fills m_source; a sender cannot forge it.
 */
#ifndef STABILIX_IPC_H
#define STABILIX_IPC_H

#include <stdint.h>
#include <stddef.h>
#include "errnums.h"

typedef int32_t endpoint_t;
typedef int32_t grant_id_t;

#define NR_PROCS        128     /* process table slots */
#define EP_SLOT_BITS    8
#define EP_SLOT_MASK    ((1 << EP_SLOT_BITS) - 1)
#define EP_GEN_MAX      0x3fffff

#define ENDPOINT(gen, slot)  ((endpoint_t)(((gen) << EP_SLOT_BITS) | (slot)))
#define EP_SLOT(ep)          ((int)((ep) & EP_SLOT_MASK))
#define EP_GEN(ep)           ((uint32_t)(ep) >> EP_SLOT_BITS)

/* Pseudo endpoints: never a process. */
#define SYSTEM      ((endpoint_t)-1)   /* kernel calls; kernel events */
#define HARDWARE    ((endpoint_t)-2)   /* interrupt notifications */
#define ANY         ((endpoint_t)-3)   /* receive from anybody */
#define NONE        ((endpoint_t)-4)

/* IPC trap operations (eax). */
#define IPC_VECTOR  0x30
#define IPC_SEND    1
#define IPC_RECEIVE 2
#define IPC_CALL    3   /* send, then receive the reply from the same endpoint */
#define IPC_NOTIFY  4   /* non-blocking, coalesced per source */
#define IPC_SENDNB  5   /* send, or fail with ENOTREADY instead of blocking */
#define IPC_GRANT   6   /* ebx = grantee, ecx = address, edx = length, esi = access */
#define IPC_REVOKE  7   /* ebx = grant id */
#define IPC_REPLYRECV 8 /* reply to ebx (only if it is blocked in a call to
                           us, else ENOTREADY), then receive from ANY into
                           the same buffer (a server's loop in one trap);
                           edx = OK: the reply was delivered, else its error */

/* Grant access bits. */
#define GRANT_READ  1   /* the grantee may copy from the buffer */
#define GRANT_WRITE 2   /* the grantee may copy into the buffer */
#define GRANT_FORWARD 8 /* with READ and/or WRITE: the address is a struct
                           grant_fwd in the owner's memory, read at every
                           copy; the grantee copies through the grant it
                           names (a direct grant given to the owner), at
                           fwd.offset + offset, within both grants' lengths */
#define NR_GRANTS   32  /* grant slots per process */
#define GRANT_LOW   0x40000000u /* a user buffer lies in [GRANT_LOW, GRANT_HIGH]: */
#define GRANT_HIGH  0xefffffffu /* a grant of anything else is refused (EINVAL) */

/* What a GRANT_FORWARD grant points to (VFS hands a client's buffer on to
 * a file system this way: the data is copied once). */
struct grant_fwd {
    endpoint_t owner;               /* who made the grant forwarded */
    grant_id_t grant;               /* its id; its grantee must be us */
    uint32_t offset;                /* where in it the forwarded range starts */
};

#define MSG_PAYLOAD 56

typedef struct {
    endpoint_t m_source;            /* filled in by the kernel */
    int32_t    m_type;              /* request/reply/notification type */
    union {
        uint8_t  raw[MSG_PAYLOAD];
        uint32_t u32[MSG_PAYLOAD / 4];
        char     str[MSG_PAYLOAD];
    } m;
} message;

_Static_assert(sizeof(message) == 64, "message must be 64 bytes");

/* A protocol payload struct must fit the message payload. */
#define MSG_PAYLOAD_CHECK(type) \
    _Static_assert(sizeof(type) <= MSG_PAYLOAD, #type " too large for a message")

/* Notifications: m_type of a message delivered because of ipc_notify. */
#define NOTIFY_MESSAGE  0x1000
/* From HARDWARE: m.u32[0] = bitmap of pending IRQ lines.
 * From SYSTEM:   m.u32[0] = bitmap of pending kernel events (SYSEV_*). */
#define SYSEV_KSIG   0x1    /* a supervised process died: fetch with sys_getksig */
#define SYSEV_ALARM  0x2    /* the alarm set with sys_setalarm expired */
#define SYSEV_HEARTBEAT 0x4 /* the kernel's ping to RS: receiving it answers */

#define IS_NOTIFY(m)  ((m)->m_type == NOTIFY_MESSAGE)

/* The payload of a message viewed as a protocol struct (build with
 * -fno-strict-aliasing; the payload is 4-byte aligned). */
#define MSG_BODY(msg, type)  ((type *)(void *)(msg)->m.raw)

#endif
