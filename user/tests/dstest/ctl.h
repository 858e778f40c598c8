/*
 * ctl.h - the controller's helpers for scenarios: command an agent and
 * collect its result, send raw requests to DS, restart an agent, and
 * record checks.  Each scenario is a function; the kernel command line's
 * dstest=<name> picks one.  Every check prints "ok - what" or
 * "not ok - what"; error names come from dserr().
 */
#ifndef DSTEST_CTL_H
#define DSTEST_CTL_H

#include "agent.h"

enum { OTHER, SUB, UNPRIV, NR_AGENTS };
extern endpoint_t ag[NR_AGENTS];
extern endpoint_t self_ep, ds_ep;

struct ag_result agent(int who, int op, const char *key, int type,
                       uint32_t value, const char *str);
int agent_kill(int who);
int agent_spawn(int who);                       /* start it again (new endpoint) */
int wait_flags(endpoint_t ep, int flags);       /* 1 when reached */

/* DS_CHECK through agent 'who' until ESRCH.  Returns the number of keys
 * reported (or an error); bit i of *mask / *deleted: keys[i] reported /
 * reported deleted (bit 31: any key not in keys[]); *dups counts repeats
 * of keys[]. */
int drain_checks(int who, const char *const *keys, int n, uint32_t *mask,
                 uint32_t *deleted, int *dups);

/* A raw request to DS: body zeroed, key copied as DS_KEY_MAX raw bytes. */
struct ds_req *raw_req(message *m, int type, const char *key, int vtype);
int raw_call(message *m);                       /* IPC error or reply status */

void fill(uint8_t *p, uint32_t len, uint8_t seed);
int blob_is(const char *key, uint32_t len, uint8_t seed);
int str_is(const char *key, const char *want);
int u32_is(const char *key, uint32_t want);

void check(int cond, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void expect(int got, int want, const char *what);
const char *dserr(int err);

void scen_types(void);
void scen_overwrite(void);
void scen_delete(void);
void scen_ownership(void);
void scen_restart(void);
void scen_subscribe(void);
void scen_full(void);
void scen_malformed(void);
void scen_unpriv(void);

#endif
