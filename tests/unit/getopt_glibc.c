/*
 * getopt_glibc.c - lib/libc/getopt.c against the host's glibc: the same
 * command lines parsed by both (lib/libc's compiled here under sx_
 * names) must give the same options, arguments, optopt, optind, final
 * argv order and error messages.  Covers permutation, "--", '+' and '-'
 * modes, ':' for missing arguments, optional arguments, long options
 * (exact, prefix, ambiguous, =value, missing value), getopt_long_only
 * and restarting with optind = 0.
 */
#define _GNU_SOURCE
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "tap.h"

int sx_getopt(int, char *const[], const char *);
int sx_getopt_long(int, char *const[], const char *, const struct option *, int *);
int sx_getopt_long_only(int, char *const[], const char *, const struct option *, int *);
extern char *sx_optarg;
extern int sx_optind, sx_opterr, sx_optopt;

static int flag;
static const struct option longs[] = {
    { "verbose", no_argument, 0, 'v' },
    { "value", required_argument, 0, 'V' },
    { "output", required_argument, 0, 'o' },
    { "color", optional_argument, 0, 'C' },
    { "flag", no_argument, &flag, 7 },
    { 0, 0, 0, 0 },
};

/* One parse, written as text: each result, then optind and argv. */
static void run(int sx, int kind, const char *opts, int argc, char **argv, char *out, size_t n)
{
    size_t len = 0;
    char err[512] = "";
    FILE *saved = stderr, *tmp = tmpfile();
    stderr = tmp;
    if (sx)
        sx_optind = 0;
    else
        optind = 0;
    for (int step = 0; step < 20; step++) {
        int idx = -1, c;
        flag = 0;
        if (kind == 0)
            c = sx ? sx_getopt(argc, argv, opts) : getopt(argc, argv, opts);
        else if (kind == 1)
            c = sx ? sx_getopt_long(argc, argv, opts, longs, &idx)
                   : getopt_long(argc, argv, opts, longs, &idx);
        else
            c = sx ? sx_getopt_long_only(argc, argv, opts, longs, &idx)
                   : getopt_long_only(argc, argv, opts, longs, &idx);
        if (c == -1)
            break;
        len += snprintf(out + len, n - len, "[%d %s opt=%d idx=%d f=%d ind=%d]", c,
                        (sx ? sx_optarg : optarg) ? (sx ? sx_optarg : optarg) : "-",
                        c == '?' || c == ':' ? (sx ? sx_optopt : optopt) : 0, idx, flag,
                        sx ? sx_optind : optind);
    }
    len += snprintf(out + len, n - len, " end=%d:", sx ? sx_optind : optind);
    for (int i = 0; i < argc; i++)
        len += snprintf(out + len, n - len, " %s", argv[i]);
    fflush(tmp);
    rewind(tmp);
    err[fread(err, 1, sizeof(err) - 1, tmp)] = 0;
    fclose(tmp);
    stderr = saved;
    snprintf(out + len, n - len, " | %s", err);
}

static void check(int kind, const char *opts, const char *line)
{
    char *a[2][16], buf[2][256], got[2][2048];
    int argc = 0;
    for (int v = 0; v < 2; v++) {
        char *s;
        int k = 0;
        snprintf(buf[v], sizeof(buf[v]), "prog %s", line);
        for (s = strtok(buf[v], " "); s && k < 15; s = strtok(NULL, " "))
            a[v][k++] = s;
        a[v][k] = NULL;
        argc = k;
    }
    run(0, kind, opts, argc, a[0], got[0], sizeof(got[0]));
    run(1, kind, opts, argc, a[1], got[1], sizeof(got[1]));
    if (!ok(strcmp(got[0], got[1]) == 0, "%s \"%s\" %s", kind == 0 ? "getopt" :
            kind == 1 ? "getopt_long" : "getopt_long_only", opts, line))
        diag("glibc:  %s\n# ours:   %s", got[0], got[1]);
}

int main(void)
{
    static const char *lines[] = {
        "-a -b file", "file -a -b", "-ab -c arg x y", "-carg -a", "-a -- -b file",
        "x -a y -- -c z", "-z", "-c", "-a -c", "- -a", "-a - b", "--", "-a -b -- ",
        "-ccc -a", "x y z", "-d", "-dval -a", "-d val", "-b -a file1 -c v file2",
        "--verbose", "--verb -a", "--val=3", "--value 3 x", "--value", "--v", "--output=f --color",
        "--color=red", "--color red", "--flag x", "--nope", "--verbose=1", "-verbose", "-value 4",
        "-o f", "-c -a", "a -- b -a",
    };
    static const char *opts[] = { "abc:d::", "+abc:d::", "-abc:d::", ":abc:d::", "+:abc:d::",
                                  "ab:o:c:vV:C::" };
    sx_opterr = opterr = 1;
    for (unsigned o = 0; o < sizeof(opts) / sizeof(opts[0]); o++)
        for (unsigned i = 0; i < sizeof(lines) / sizeof(lines[0]); i++)
            for (int kind = 0; kind < 3; kind++)
                check(kind, opts[o], lines[i]);
    return done_testing();
}
