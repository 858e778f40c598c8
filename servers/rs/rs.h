/*
 * rs.h - the reincarnation server's internal interface.
 *
 * RS keeps one struct service per described service (except itself), in
 * the order of the descriptions, which is the dependency order.  A
 * service is running iff ep != NONE.  States: UP (running), DOWN (stopped
 * on request or never started), WAITING (failed, restart due at
 * restart_at), FAILED (failed more than its "restarts" limit in a row).
 */
#ifndef RS_RS_H
#define RS_RS_H

#include "sef.h"
#include "privconf.h"

#define RS_TICK       5       /* alarm period: heartbeats and backoff (ticks) */
#define RS_CHECK_TICKS 20     /* RS's own table checked about this often (check.c) */
#define RS_STABLE     500     /* up this long: the failure count resets */
#define RS_FRESH_AFTER 2      /* deaths in a row before RS_INIT: restart without kept state */
#define MAX_SERVICES  PC_MAX_SVC

struct image {
    char name[PC_LABEL];
    uint8_t *data;
    uint32_t size;
    uint32_t *crc;            /* of each 4 KiB chunk, taken when fetched */
    uint32_t nchunks;
};

struct service {
    const struct pc_service *desc;
    struct image *img;
    endpoint_t ep;
    int state;
    int restarts;             /* total restarts since boot */
    int failures;             /* consecutive failures (backoff, limit) */
    int early_deaths;         /* consecutive deaths before completing RS_INIT */
    int fi_pending;           /* RS_FI kind not yet delivered (it was busy), 0 = none */
    uint32_t restart_at, up_since, died_at;
    int initialized;          /* completed RS_INIT */
    int want_down, want_restart;
    const char *kill_reason;  /* why RS killed it, if it did */
    char reason[24];          /* last failure */
    uint32_t next_ping, pinged_at;
    int answered, missed;
    int served;               /* answered a heartbeat since RS_INIT */
    int row_dirty;            /* failures or down changed: not yet in DS */
    uint64_t died_us;         /* when its last death was reported */
    uint32_t image_us, spawn_us; /* the last start: image check, SYS_SPAWN */
    uint64_t spawned_us;      /* when SYS_SPAWN returned */
    int probing;              /* restarted: pinged at RS_INIT, the answer ends the recovery */
};

extern struct privconf conf;
extern const struct srv_table rs_table;
extern int rs_self_fault;                   /* admin.c: RS_FI for RS itself, or 0 */
void rs_check(void);                        /* check.c */
void rs_corrupt(void);
extern struct service services[MAX_SERVICES];
extern int nservices;
extern endpoint_t self_ep;

/* config.c */
int config_load(void);
/* image.c */
struct image *image_get(const char *program);
void image_scrub(void);                     /* image.c: a slice of the images checked */
void image_repaired(const struct image *im);    /* lifecycle.c: restart its users */
/* lifecycle.c */
int service_start(struct service *s);
void service_died(const struct sys_getksig *ks);
void service_initialized(struct service *s);
void publish_all(void);
void keep_row(struct service *s);               /* failures, down: into DS */
void rows_flush(void);                          /* the rows DS could not take yet */
int ds_ready(void);                             /* DS would take a call at once */
struct service *service_by_ep(endpoint_t ep);
struct service *service_by_label(const char *label);
/* heartbeat.c */
void rs_tick(void);
void rs_pong(endpoint_t from);
/* admin.c: request handlers */
int do_up(message *m);
int do_down(message *m);
int do_restart(message *m);
int do_list(message *m);
int do_fi(message *m);
void fi_retry(struct service *s);
int do_init(message *m);

#endif
