/*
 * ctl.h - the controller's helpers for scenarios: command an agent,
 * collect its result, wait until a process is blocked, and record checks.
 * Each scenario is a function; the kernel command line's ipctest=<name>
 * picks one.  Every check prints "ok - what" or "not ok - what".
 */
#ifndef IPCTEST_CTL_H
#define IPCTEST_CTL_H

#include "agent.h"

enum { A, B, C, D, U, NR_AGENTS };
extern endpoint_t ag[NR_AGENTS];
extern endpoint_t self_ep;

void cmd(int agent, int op, endpoint_t target, int32_t value, int32_t count);
void cmd_copy(int agent, int op, endpoint_t owner, grant_id_t g,
              uint32_t offset, uint32_t len, int32_t value);
struct ag_result result(int agent);
int wait_flags(endpoint_t ep, int flags);       /* 1 when reached */
void sleep_ticks(uint32_t n);
int next_ksig(struct sys_getksig *out);         /* waits for one report */
void check(int cond, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void expect(int got, int want, const char *what);

void scen_pingpong(void);
void scen_call_semantics(void);
void scen_receive_any_specific(void);
void scen_notify(void);
void scen_sendnb(void);
void scen_deadlock(void);
void scen_dead_peer(void);
void scen_grants(void);
void scen_privileges(void);
void scen_bad_pointers(void);

#endif
