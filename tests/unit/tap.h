/*
 * tap.h - a tiny Test Anything Protocol helper for the host unit tests.
 *
 * Each check prints one "ok N - name" or "not ok N - name" line (with a
 * "# got/want" diagnostic for failed comparisons); done_testing() prints
 * the plan "1..N" last and returns the exit status: 0 only if every
 * check passed.  Usage:  ok(x == 1, "x is %d", 1);  return done_testing();
 */
#ifndef TESTS_UNIT_TAP_H
#define TESTS_UNIT_TAP_H

/* Record one check; returns cond (non-zero if it passed). */
int ok(int cond, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Compare two integers; on failure print both values. */
int is_int(long long got, long long want, const char *name);

/* Compare two C strings (NULL allowed); on failure print both. */
int is_str(const char *got, const char *want, const char *name);

/* Print a "# ..." comment line. */
void diag(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Print the plan; return 0 if all checks passed, 1 otherwise. */
int done_testing(void);

#endif
