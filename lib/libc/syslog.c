/*
 * syslog.c - openlog, syslog, closelog, setlogmask.  There is no syslog
 * daemon: a message whose priority the mask lets through is written to
 * /dev/console as "ident[pid]: message" (and to stderr with LOG_PERROR).
 * %m in the format is the errno text (newlib's printf knows no %m).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <syslog.h>
#include <unistd.h>

extern char *__progname;

static const char *log_ident;
static int log_option;
static int log_mask = 0xff;

void openlog(const char *ident, int option, int facility)
{
    (void)facility;
    log_ident = ident;
    log_option = option;
}

void closelog(void)
{
    log_ident = 0;
    log_option = 0;
}

int setlogmask(int mask)
{
    int old = log_mask;
    if (mask)
        log_mask = mask;
    return old;
}

/* fmt with every %m replaced by the text of e (bounded by out's size). */
static void expand_m(char *out, size_t size, const char *fmt, int e)
{
    size_t n = 0;
    for (; *fmt && n + 1 < size; fmt++) {
        if (fmt[0] == '%' && fmt[1] == 'm') {
            for (const char *t = strerror(e); *t && n + 1 < size; t++)
                out[n++] = *t == '%' ? '?' : *t;
            fmt++;
        } else {
            out[n++] = *fmt;
        }
    }
    out[n] = 0;
}

void syslog(int priority, const char *fmt, ...)
{
    char f[256], line[512];
    int e = errno, n, fd;
    va_list ap;
    if (!(log_mask & LOG_MASK(LOG_PRI(priority))))
        return;
    expand_m(f, sizeof(f), fmt, e);
    n = snprintf(line, sizeof(line), "%s", log_ident ? log_ident : __progname);
    if (log_option & LOG_PID)
        n += snprintf(line + n, sizeof(line) - (size_t)n, "[%d]", (int)getpid());
    n += snprintf(line + n, sizeof(line) - (size_t)n, ": ");
    va_start(ap, fmt);
    n += vsnprintf(line + n, sizeof(line) - (size_t)n, f, ap);
    va_end(ap);
    if (n >= (int)sizeof(line) - 1)
        n = (int)sizeof(line) - 2;
    line[n++] = '\n';
    if ((fd = open("/dev/console", O_WRONLY)) >= 0) {
        write(fd, line, (size_t)n);
        close(fd);
    }
    if (log_option & LOG_PERROR)
        write(2, line, (size_t)n);
}
