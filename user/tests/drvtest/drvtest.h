/*
 * drvtest.h - the driver-library test client (user/tests/drvtest).
 *
 * Scenarios ("char" against cdevdemo, "block" against bdevdemo) send
 * real protocol requests (proto/chardrv.h, proto/blockdrv.h) and check
 * every reply.  Each check prints "ok - <what>: <result>" or
 * "not ok - ...", where <result> is the error name or byte count really
 * returned; main.c prints the verdict and powers off with status 0 only
 * if every check passed.
 */
#ifndef DRVTEST_H
#define DRVTEST_H

#include "libsys.h"
#include "chardriver.h"
#include "blockdriver.h"

extern endpoint_t self_ep;
extern endpoint_t cdev_ep, bdev_ep;

/* check.c: verdict bookkeeping */
void check(int cond, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void expect(int got, int want, const char *what);           /* statuses */
void expect_bytes(int got, int want, const char *what);     /* counts */
const char *ename(int r);
int checks_done(void);
int checks_failed(void);

/* req.c: one request, its reply status (or the IPC error) */
grant_id_t lend(endpoint_t to, void *buf, uint32_t len, int access);
int cdev_call(int type, int minor, uint32_t pos, grant_id_t g, uint32_t size,
              uint32_t request);
int cdev_io(int type, int minor, uint32_t pos, void *buf, uint32_t size, int access);
int bdev_call(int type, int minor, uint64_t pos, grant_id_t g, uint32_t size,
              uint32_t request);
int bdev_io(int type, int minor, uint64_t pos, void *buf, uint32_t size, int access);
int raw_call(endpoint_t ep, int type);                      /* empty body */
void pattern(uint8_t *p, uint32_t len, uint32_t seed);
int all_bytes(const uint8_t *p, uint32_t len, uint8_t value);

void scen_char(void);
void scen_block(void);
void scen_disk(void);

#endif
