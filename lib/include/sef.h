/*
 * sef.h - the one skeleton every server and driver uses (lib/libsys/sef.c).
 *
 *   int main(void) {
 *       sef_startup(init_fresh, init_restart);   // asks RS which one to run
 *       server_loop(&my_table);                   // never returns
 *   }
 *
 * server_loop receives, answers RS heartbeats (after table->check, the
 * server's self-check) and fault-injection requests by itself, hands
 * notifications to table->notify, and dispatches requests by m_type
 * through table->handlers[m_type - base] (table->again first, which may
 * answer a repeated request from a record; table->answered sees every
 * reply).
 * A handler returns the reply status (the reply is the same message, so
 * it fills in its results there) or EDONTREPLY.  Unknown or malformed
 * requests are answered with EBADREQUEST.  The reply reaches only a
 * sender blocked in ipc_call to us (IPC_REPLYRECV's rule), so two servers
 * can never bounce error replies at each other.  Replies use ipc_replyrecv, so
 * a client that died or stopped listening cannot block the server.
 */
#ifndef STABILIX_SEF_H
#define STABILIX_SEF_H

#include "libsys.h"
#include "proto/rs.h"

struct sef_init {
    int type;               /* SEF_INIT_FRESH or SEF_INIT_RESTART */
    int restarts;           /* how many times RS has restarted us */
    uint32_t state_pages;   /* pages of .state kept from our previous instance
                               (0: it holds zeros); validate before use */
};

/* What a server keeps in its state region: declare it STATE. */
#define STATE __attribute__((section(".state")))

typedef int (*sef_init_cb)(const struct sef_init *info);
typedef int (*srv_handler)(message *m);

struct srv_table {
    int base;                           /* m_type of handlers[0] */
    int count;
    const srv_handler *handlers;        /* NULL entries: EBADREQUEST */
    void (*notify)(const message *m);   /* non-RS notifications, or NULL */
    /* Optional (NULL: none), for servers that answer a repeated request
     * from a record: 'again' runs before the handler and returns the
     * status to reply (m filled in) or SRV_GO_ON; 'answered' sees every
     * reply (m as it will be sent) just before it leaves. */
    int (*again)(message *m);
    void (*answered)(endpoint_t to, const message *m);
    /* Optional: 'check' runs the server's predicates over its own tables
     * and repairs what fails (saying what), on every RS heartbeat before
     * the answer; 'corrupt' (service fi <label> corrupt) breaks one of
     * the invariants 'check' covers, for the tests, and says which. */
    void (*check)(void);
    void (*corrupt)(void);
    /* Optional: 'settle' runs once a message has been handled in full
     * (its reply is about to leave, or it is suspended), before the server
     * blocks: the tables are at a request boundary (vfs's mirror.c, PM,
     * ramfs and DS copy what changed). */
    void (*settle)(void);
};
#define SRV_GO_ON (-0x7ffffff0)

/* The last answer to a numbered request, kept in the state region by a
 * server whose one client sends a request again after a restart
 * (lib/libsys/record.c; proto/fs.h, proto/chardrv.h). */
#define SRV_AGAIN 0x80000000u           /* in a request number: sent again */
struct srv_record {
    uint32_t seq;                       /* 0: none */
    int32_t status;
    uint8_t body[MSG_PAYLOAD];
    uint32_t cur;                       /* the number of the request in hand */
};
int record_again(struct srv_record *r, uint32_t seq, message *m);
void record_answer(struct srv_record *r, const message *m);

/* Initialise (fresh or restart); exits if the callback fails. */
void sef_startup(sef_init_cb fresh, sef_init_cb restart);
void server_loop(const struct srv_table *t) __attribute__((noreturn));
endpoint_t sef_rs(void);                /* RS's current endpoint, or NONE */
/* Fail on purpose now (RS_FI_* kind), as for an RS_FI_REQ: RS uses it for
 * a fault injected into itself. */
void sef_fail(const struct srv_table *t, int kind);
/* Did the previous instance fail inside its handler of a request from
 * src?  Answered yes once, to the first request from src that asks. */
int sef_cut_short(endpoint_t src);
/* 0 with the boot argument recover=off (no answer records, no self-checks). */
int sef_recover_on(void);

#endif
