/*
 * util.h - the few helpers every utility in user/bin shares: its name
 * for messages, the usage line, "<prog>: <file>: <strerror>" errors, and
 * a small POSIX-style option scanner (identical on the host and on
 * Stabilix: options come first, "--" ends them, "-ab" groups flags).
 */
#ifndef UTIL_H
#define UTIL_H

extern const char *prog;                 /* basename of argv[0] */

void util_init(int argc, char **argv);
void usage(const char *args) __attribute__((noreturn));  /* "usage: prog args", exit 2 */
void warn_file(const char *file);        /* "prog: file: strerror(errno)" */
void warn_msg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Option scanner: returns the next option letter, '?' (after printing
 * usage-worthy complaint) for an unknown one, or -1 when options end;
 * opt_ind is then the first operand, opt_arg the argument of "x:". */
extern int opt_ind;
extern char *opt_arg;
int opt_next(int argc, char **argv, const char *spec);

int write_all(int fd, const void *buf, unsigned long n);  /* 0, or -1 with errno */

#endif
