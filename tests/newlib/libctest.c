/*
 * libctest.c - a C program linked against newlib (built by tools/newlib.sh)
 * that checks newlib's C library and libm work on Stabilix: formatted
 * output (integers, strings, floating point on the x87 FPU), string
 * conversion, qsort, the string functions, malloc/realloc/free, setjmp/
 * longjmp, sqrt/sin and friends.  Every check compares with an exact
 * expected value and prints "ok - <what>" or "not ok - <what>: got ...,
 * expected ..."; the last line is "libctest: PASS" or "libctest: FAIL (n
 * failures)", then the guest powers off with status (failures != 0).
 * The system calls under newlib are the TEST-ONLY tests/newlib/glue.c.
 * Run by tests/system/test_newlib.py.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <newlib.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "libsys.h"     /* sys_shutdown; after newlib's headers, must not clash */

static int failures;

static void check(int cond, const char *what)
{
    if (cond) {
        printf("ok - %s\n", what);
    } else {
        failures++;
        printf("not ok - %s\n", what);
    }
}

static void check_str(const char *what, const char *got, const char *want)
{
    if (strcmp(got, want) == 0) {
        printf("ok - %s: %s\n", what, got);
    } else {
        failures++;
        printf("not ok - %s: got \"%s\", expected \"%s\"\n", what, got, want);
    }
}

static void check_long(const char *what, long got, long want)
{
    if (got == want) {
        printf("ok - %s: %ld\n", what, got);
    } else {
        failures++;
        printf("not ok - %s: got %ld, expected %ld\n", what, got, want);
    }
}

static uint32_t rnd_state = 12345;
static uint32_t rnd(void)                /* LCG: the same numbers every run */
{
    rnd_state = rnd_state * 1103515245u + 12345u;
    return rnd_state >> 8;
}

/* ---- snprintf: integers and strings ---------------------------------------- */
static void test_format(void)
{
    char buf[128], small[5];
    const char *volatile long_str = "abcdefgh";    /* hides the truncation from gcc */
    int n;

    snprintf(buf, sizeof(buf), "%d %x %s", -42, 0xbeefu, "str");
    check_str("snprintf %d %x %s", buf, "-42 beef str");
    snprintf(buf, sizeof(buf), "%5d|%-4s|%08X|%+d|%o|%c|%%", 7, "ab", 0xC0FFEEu, 5, 8, 'z');
    check_str("snprintf width, flags, %X %o %c", buf, "    7|ab  |00C0FFEE|+5|10|z|%");
    snprintf(buf, sizeof(buf), "%lld|%llu|%zu|%jd", -1234567890123LL, ULLONG_MAX,
             sizeof(long long), (intmax_t)INT64_MIN);
    check_str("snprintf %lld %llu %zu %jd", buf,
              "-1234567890123|18446744073709551615|8|-9223372036854775808");
    n = snprintf(small, sizeof(small), "%s", long_str);
    check(n == 8 && strcmp(small, "abcd") == 0,
          "snprintf truncates to the buffer and returns the full length");
}

/* ---- floating point: formatting and parsing (x87 FPU) ------------------------ */
static void test_float(void)
{
    char buf[128], word[16];
    volatile double pi = 3.14159, third = 1e10 / 3, a = 0.1, b = 0.2;
    double d = 0;
    int i = 0, n;

    snprintf(buf, sizeof(buf), "%f %.3f %e %g", pi, -2.5, 12345.678, 0.0001);
    check_str("float: snprintf %f %.3f %e %g", buf, "3.141590 -2.500 1.234568e+04 0.0001");
    snprintf(buf, sizeof(buf), "%.2f|%f|%.17g", third, a + b, a);
    check_str("float: snprintf rounding", buf, "3333333333.33|0.300000|0.10000000000000001");
    snprintf(buf, sizeof(buf), "%.1f", strtod("2.5e3", NULL));
    check_str("float: strtod", buf, "2500.0");
    n = sscanf("12 abc 3.5", "%d %15s %lf", &i, word, &d);
    snprintf(buf, sizeof(buf), "%d %d %s %.2f", n, i, word, d);
    check_str("float: sscanf %d %s %lf", buf, "3 12 abc 3.50");
}

/* ---- strtol and friends ---------------------------------------------------- */
static void test_strtol(void)
{
    char *end;
    long v;

    v = strtol("  -0x1fz", &end, 0);
    check(v == -31 && *end == 'z', "strtol base 0 reads -0x1f and stops at 'z'");
    check_long("strtol base 8", strtol("777", NULL, 8), 511);
    check_long("strtol base 36", strtol("zz", NULL, 36), 1295);
    errno = 0;
    v = strtol("99999999999999", NULL, 10);
    check(v == LONG_MAX && errno == ERANGE, "strtol overflow gives LONG_MAX and ERANGE");
    check(strtoul("4294967295", NULL, 10) == 4294967295UL, "strtoul 4294967295");
    check_long("atoi", atoi("  123abc"), 123);
}

/* ---- qsort --------------------------------------------------------------- */
static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void test_qsort(void)
{
    static int v[1000];
    const char *words[] = { "pear", "apple", "fig", "banana", "cherry", "date" };
    char buf[64] = "";
    uint32_t sum = 0, sum2 = 0;
    int sorted = 1;

    for (int i = 0; i < 1000; i++) {
        v[i] = (int)(rnd() % 20001) - 10000;
        sum += (uint32_t)v[i];
    }
    qsort(v, 1000, sizeof(v[0]), cmp_int);
    for (int i = 0; i < 1000; i++) {
        sum2 += (uint32_t)v[i];
        if (i > 0 && v[i - 1] > v[i])
            sorted = 0;
    }
    check(sorted && sum == sum2, "qsort sorts 1000 ints and keeps them");
    qsort(words, 6, sizeof(words[0]), cmp_str);
    for (int i = 0; i < 6; i++) {
        strcat(buf, words[i]);
        strcat(buf, i < 5 ? " " : "");
    }
    check_str("qsort strings with strcmp", buf, "apple banana cherry date fig pear");
}

/* ---- string.h ------------------------------------------------------------ */
static void test_string(void)
{
    static unsigned char src[300], dst[300];
    char s[16] = "123456789", t[8], tok[] = "a,b,,c", out[16] = "";
    char *dup;

    check_long("strlen", (long)strlen("hello, world"), 12);
    check(strcmp("abc", "abd") < 0 && strcmp("b", "a") > 0 && strcmp("same", "same") == 0,
          "strcmp orders strings");
    check(strncmp("abcx", "abcy", 3) == 0 && strcasecmp("HeLLo", "hello") == 0,
          "strncmp, strcasecmp");
    for (int i = 0; i < 300; i++)
        src[i] = (unsigned char)(i * 7 + 3);
    memset(dst, 0xaa, sizeof(dst));
    memcpy(dst + 1, src, 257);                  /* unaligned destination */
    check(memcmp(dst + 1, src, 257) == 0 && dst[0] == 0xaa && dst[258] == 0xaa,
          "memcpy copies exactly the bytes asked");
    memmove(s + 2, s, 5);
    check_str("memmove with overlap", s, "121234589");
    memset(t, 0, sizeof(t));
    strncpy(t, "ab", sizeof(t) - 1);
    check(t[0] == 'a' && t[1] == 'b' && t[2] == 0 && t[6] == 0, "strncpy pads with NULs");
    check(strchr("hello", 'l') - "hello" == 2 && strrchr("hello", 'l') - "hello" == 3 &&
          strcmp(strstr("find the needle", "needle"), "needle") == 0, "strchr strrchr strstr");
    for (char *p = strtok(tok, ","); p; p = strtok(NULL, ","))
        strcat(out, p);
    check_str("strtok", out, "abc");
    dup = strdup("copy me");
    for (char *p = dup; *p; p++)
        *p = (char)toupper((unsigned char)*p);
    check_str("strdup, toupper", dup, "COPY ME");
    free(dup);
}

/* ---- malloc, realloc, free ------------------------------------------------ */
#define NBLK 300
static unsigned char *blk[NBLK];
static size_t blk_size[NBLK];

static void fill(int i, size_t from)
{
    for (size_t j = from; j < blk_size[i]; j++)
        blk[i][j] = (unsigned char)(i * 7 + j);
}

static int intact(int i)
{
    for (size_t j = 0; j < blk_size[i]; j++)
        if (blk[i][j] != (unsigned char)(i * 7 + j))
            return 0;
    return 1;
}

static void test_malloc(void)
{
    int ok = 1;
    unsigned char *big, *z;

    for (int i = 0; i < NBLK; i++) {
        blk_size[i] = 1 + rnd() % 2000;
        blk[i] = malloc(blk_size[i]);
        if (!blk[i]) {
            ok = 0;
            break;
        }
        fill(i, 0);
    }
    check(ok, "malloc 300 blocks of 1..2000 bytes");
    if (!ok)
        return;
    for (int i = 0; i < NBLK; i++)
        ok &= intact(i);
    check(ok, "every block keeps its contents");
    for (int i = 0; i < NBLK; i += 2)            /* holes */
        free(blk[i]);
    for (int i = 1; i < NBLK; i += 2) {         /* grow into and past them */
        size_t old = blk_size[i];
        unsigned char *p = realloc(blk[i], old * 2);
        if (!p) {
            ok = 0;
            continue;
        }
        blk[i] = p;
        blk_size[i] = old;
        ok &= intact(i);
        blk_size[i] = old * 2;
        fill(i, old);
    }
    check(ok, "realloc grows blocks and keeps their contents");
    for (int i = 0; i < NBLK; i += 2) {
        blk_size[i] = 1 + rnd() % 1000;
        blk[i] = malloc(blk_size[i]);
        if (!blk[i]) {
            ok = 0;
            blk_size[i] = 0;
            continue;
        }
        fill(i, 0);
    }
    for (int i = 0; i < NBLK; i++)
        ok &= blk[i] == NULL ? 0 : intact(i);
    check(ok, "after free and realloc, all 300 blocks are intact and distinct");
    for (int i = 1; i < NBLK; i += 2) {         /* shrink in place */
        blk[i] = realloc(blk[i], 3);
        blk_size[i] = 3;
        ok &= blk[i] != NULL && intact(i);
    }
    check(ok, "realloc shrinks and keeps the prefix");
    for (int i = 0; i < NBLK; i++)
        free(blk[i]);
    z = calloc(1000, 4);
    ok = z != NULL;
    for (int i = 0; ok && i < 4000; i++)
        ok = z[i] == 0;
    check(ok, "calloc returns zeroed memory");
    free(z);
    big = malloc(600 * 1024);
    check(big != NULL, "malloc 600 KiB after freeing everything");
    if (big) {
        memset(big, 0x5a, 600 * 1024);
        free(big);
    }
    errno = 0;
    big = malloc(2 * 1024 * 1024);
    check(big == NULL && errno == ENOMEM, "malloc beyond the arena fails with ENOMEM");
}

/* ---- setjmp / longjmp ------------------------------------------------------- */
static jmp_buf env;

static void dive(int n)
{
    volatile char pad[64];
    if (n < 0)                  /* never: gcc wants a path that returns */
        return;
    pad[0] = (char)n;
    if (n > 0)
        dive(n - 1);
    else
        longjmp(env, 42);
    (void)pad[0];
}

static void test_setjmp(void)
{
    volatile int local = 1, round = 0;
    int r = setjmp(env);
    if (round == 0) {
        round = 1;
        local = 2;
        dive(20);
        check(0, "longjmp returned to its caller");
        return;
    }
    if (round == 1) {
        check(r == 42 && local == 2, "longjmp from 20 frames deep: setjmp returns 42");
        round = 2;
        longjmp(env, 0);
    }
    check(r == 1, "longjmp(env, 0) makes setjmp return 1");
}

/* ---- libm ------------------------------------------------------------------ */
static void test_math(void)
{
    char buf[128];
    volatile double two = 2.0, sixth = M_PI / 6, ten = 10.0, m1 = -1.0, half = -2.5;

    snprintf(buf, sizeof(buf), "%.10f %.6f %.1f %.6f", sqrt(two), sin(sixth), pow(two, ten),
             exp(log(ten)));
    check_str("float: libm sqrt sin pow exp log", buf, "1.4142135624 0.500000 1024.0 10.000000");
    check(fabs(sqrt(two) * sqrt(two) - 2.0) < 1e-15 && fabs(sin(sixth) - 0.5) < 1e-15,
          "float: sqrt and sin are accurate to 1e-15");
    check(fabs(atan2(1.0, two / 2) * 4 - M_PI) < 1e-15 && floor(half) == -3.0 &&
          ceil(half) == -2.0 && cos(0.0 * two) == 1.0 && isnan(sqrt(m1)),
          "float: atan2 floor ceil cos, sqrt(-1) is NaN");
}

/* ---- the glue: what this interim test environment does not support ------------ */
static void test_glue(void)
{
    errno = 0;
    check(open("/etc/motd", O_RDONLY) == -1 && errno == ENOSYS, "open fails with ENOSYS");
    check(fopen("/etc/motd", "r") == NULL, "fopen fails cleanly");
    fprintf(stderr, "ok - fprintf to stderr reaches the log\n");
}

int main(void)
{
    printf("libctest: newlib %s\n", _NEWLIB_VERSION);
    test_format();
    test_float();
    test_strtol();
    test_qsort();
    test_string();
    test_malloc();
    test_setjmp();
    test_math();
    test_glue();
    if (failures)
        printf("libctest: FAIL (%d failures)\n", failures);
    else
        printf("libctest: PASS\n");
    fflush(stdout);
    sys_shutdown(SD_POWEROFF, failures != 0);
    return failures != 0;
}
