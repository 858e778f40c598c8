/*
 * svctest.h - the RS test program: an administrator that drives RS with
 * its protocol (what the `service` command will send) and checks what
 * happens.  Each scenario prints "ok - ..." / "not ok - ..." lines and a
 * verdict; the scenario is chosen with svctest=<name>.
 */
#ifndef SVCTEST_H
#define SVCTEST_H
#include "libsys.h"
#include "proto/rs.h"
#include "proto/echo.h"
#include "proto/counter.h"

void check(int cond, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void expect(int got, int want, const char *what);
void sleep_ticks(uint32_t n);
int rs_request(int type, const char *label, int kind);
int rs_entry(int index, struct rs_entry *e);
int rs_find(const char *label, struct rs_entry *e);
endpoint_t wait_label(const char *label, endpoint_t old, uint32_t max_ticks);
int echo(endpoint_t ep, uint32_t v);
int counter(endpoint_t ep, int type, uint32_t *value);

void scen_crash20(void);
void scen_heartbeat(void);
void scen_exception(void);
void scen_rskill(void);
void scen_malformed(void);
void scen_updown(void);
void scen_dscrash(void);
void scen_recovery(void);
void scen_nonadmin(void);
#endif
