/*
 * syslog.h - system log calls (lib/libc/syslog.c: messages go to the
 * console, prefixed with the identity; there is no syslog daemon).
 */
#ifndef STABILIX_SYSLOG_H
#define STABILIX_SYSLOG_H

#define LOG_EMERG   0
#define LOG_ALERT   1
#define LOG_CRIT    2
#define LOG_ERR     3
#define LOG_WARNING 4
#define LOG_NOTICE  5
#define LOG_INFO    6
#define LOG_DEBUG   7
#define LOG_PRIMASK 7
#define LOG_PRI(p)  ((p) & LOG_PRIMASK)
#define LOG_MAKEPRI(fac, pri) ((fac) | (pri))

#define LOG_KERN    (0 << 3)
#define LOG_USER    (1 << 3)
#define LOG_DAEMON  (3 << 3)
#define LOG_AUTH    (4 << 3)
#define LOG_SYSLOG  (5 << 3)
#define LOG_AUTHPRIV (10 << 3)
#define LOG_LOCAL0  (16 << 3)
#define LOG_FACMASK 0x3f8

#define LOG_PID     0x01
#define LOG_CONS    0x02
#define LOG_NDELAY  0x08
#define LOG_NOWAIT  0x10
#define LOG_PERROR  0x20

#define LOG_MASK(p) (1 << (p))
#define LOG_UPTO(p) ((1 << ((p) + 1)) - 1)

void openlog(const char *ident, int option, int facility);
void syslog(int priority, const char *fmt, ...);
void closelog(void);
int setlogmask(int mask);

#endif
