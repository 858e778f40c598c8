/*
 * ttytest.h - the terminal driver's test client (user/tests/ttytest),
 * driven from the host by tests/system/test_tty.py.
 *
 * A scenario (kernel argument ttytest=line|vga|restart) sends real
 * requests to the tty (proto/tty.h).  Before each step that needs input
 * it prints "ttytest: waiting <tag>" (after the tty answered EAGAIN, so
 * the reader is registered), the host types on COM1 or the keyboard,
 * and the result is printed as "ttytest: read <tag>: <n> bytes <hex>"
 * (hex, so that an echo of the typed text is never mistaken for the
 * result).  Self-checked facts print "ok - <what>" or "not ok - <what>";
 * the verdict line is "ttytest <scenario>: PASS" or "FAIL", then the
 * guest powers off with status 0 only on PASS.
 */
#ifndef TTYTEST_H
#define TTYTEST_H

#include "libsys.h"
#include "chardriver.h"
#include "proto/tty.h"

extern endpoint_t tty_ep;

/* main.c */
void check(int cond, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void expect(int got, int want, const char *what);
void expect_bytes(int got, int want, const char *what);
void sleep_ticks(uint32_t n);

/* req.c */
endpoint_t find_tty(void);
int cdev_call(int type, int minor, grant_id_t g, uint32_t size, uint32_t request);
int tty_io(int type, int minor, void *buf, uint32_t size, int access);
int tty_write_str(int minor, const char *s);
int tty_ioctl_buf(int minor, uint32_t request, void *buf, uint32_t size, int access);
int set_flags(int minor, uint32_t flags);
int set_pgrp(int minor, int32_t pgrp);
int sig_pull(struct tty_sig *sig);
int read_wait(int minor, const char *tag, char *buf, uint32_t size, uint32_t ticks);
int read_after(int minor, const char *tag, char *buf, uint32_t size, uint32_t delay);
void show(const char *tag, const char *buf, int n);

/* scenarios */
void scen_line(void);
void scen_errors(void);
void scen_vga(void);
void scen_restart(void);

#endif
