/*
 * getopt.c - command-line options the way glibc parses them: getopt,
 * getopt_long, getopt_long_only.  Programs written for Linux (BusyBox)
 * rely on glibc's behaviour where POSIX leaves room, and newlib's parser
 * differs in it, so lib/libc has its own (it is linked before newlib).
 *
 *  - Options and operands may be mixed: operands are skipped and, at
 *    the end, moved after the options (argv is permuted), so that
 *    optind then points at the first operand.  A leading '+' in
 *    optstring (or POSIXLY_CORRECT in the environment) stops at the
 *    first operand instead; a leading '-' returns each operand as the
 *    option 1 with optarg set.  "--" ends the options.
 *  - optind = 0 starts a new parse (BusyBox parses several argvs).
 *  - "x:" takes an argument (the rest of the word or the next word),
 *    "x::" an optional one (the rest of the word only).  A ':' after the
 *    leading '+'/'-' makes a missing argument return ':' and silences
 *    the messages; opterr = 0 silences them too.
 *  - Long options: "--name", "--name=value", "--name value" for a
 *    required argument; a unique prefix is enough.  getopt_long_only
 *    also takes them after a single '-' when they are not short options.
 *  - Messages are glibc's: "prog: invalid option -- 'x'" and so on, on
 *    stderr.  Errors return '?' with optopt set.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

char *optarg;
int optind = 1, opterr = 1, optopt = '?';

enum order { PERMUTE, REQUIRE_ORDER, RETURN_IN_ORDER };

static const char *next;            /* the rest of the word being parsed */
static int first_operand, last_operand;    /* operands skipped so far */
static enum order order;
static int started;

static int is_operand(char *const *argv, int i)
{
    return argv[i][0] != '-' || argv[i][1] == '\0';
}

static void reverse(char **a, int from, int to)    /* a[from..to) */
{
    for (to--; from < to; from++, to--) {
        char *t = a[from];
        a[from] = a[to];
        a[to] = t;
    }
}

/* Move the skipped operands [first_operand, last_operand) after the
 * options [last_operand, optind) that followed them. */
static void exchange(char *const *argv)
{
    char **a = (char **)argv;
    reverse(a, first_operand, last_operand);
    reverse(a, last_operand, optind);
    reverse(a, first_operand, optind);
    first_operand += optind - last_operand;
    last_operand = optind;
}

static void start(const char **optstring)
{
    if (optind == 0)
        optind = 1;
    first_operand = last_operand = optind;
    next = NULL;
    order = getenv("POSIXLY_CORRECT") ? REQUIRE_ORDER : PERMUTE;
    if (**optstring == '+' || **optstring == '-') {
        order = **optstring == '+' ? REQUIRE_ORDER : RETURN_IN_ORDER;
        (*optstring)++;
    }
    started = 1;
}

/* Step to the next word that holds options; -1 at the end, 1 for an
 * operand returned in order, 0 with next set otherwise. */
static int advance(int argc, char *const *argv)
{
    if (last_operand > optind)
        last_operand = optind;
    if (first_operand > optind)
        first_operand = optind;
    if (order == PERMUTE) {
        if (first_operand != last_operand && last_operand != optind)
            exchange(argv);
        else if (last_operand != optind)
            first_operand = optind;
        while (optind < argc && is_operand(argv, optind))
            optind++;
        last_operand = optind;
    }
    if (optind < argc && strcmp(argv[optind], "--") == 0) {
        optind++;
        if (first_operand != last_operand && last_operand != optind)
            exchange(argv);
        else if (first_operand == last_operand)
            first_operand = optind;
        last_operand = argc;
        optind = argc;
    }
    if (optind >= argc) {
        if (first_operand != last_operand)
            optind = first_operand;
        return -1;
    }
    if (is_operand(argv, optind)) {
        if (order == REQUIRE_ORDER)
            return -1;
        optarg = argv[optind++];
        return 1;
    }
    next = argv[optind] + 1;
    return 0;
}

static int long_option(int argc, char *const *argv, const struct option *lo, int *index,
                       const char *dashes, int colon)
{
    const char *name = next, *eq = strchr(name, '=');
    size_t len = eq ? (size_t)(eq - name) : strlen(name);
    int found = -1, ambiguous = 0;
    char *word = argv[optind];
    next = NULL;
    optind++;
    for (int i = 0; lo[i].name; i++) {
        if (strncmp(lo[i].name, name, len) != 0)
            continue;
        if (strlen(lo[i].name) == len) {
            found = i;
            ambiguous = 0;
            break;
        }
        if (found < 0)
            found = i;
        else if (lo[i].has_arg != lo[found].has_arg || lo[i].flag != lo[found].flag ||
                 lo[i].val != lo[found].val)
            ambiguous = 1;
    }
    if (ambiguous || found < 0) {
        if (opterr && !colon && ambiguous) {
            fprintf(stderr, "%s: option '%s%.*s' is ambiguous; possibilities:", argv[0], dashes,
                    (int)len, name);
            for (int i = 0; lo[i].name; i++)
                if (strncmp(lo[i].name, name, len) == 0)
                    fprintf(stderr, " '%s%s'", dashes, lo[i].name);
            fprintf(stderr, "\n");
        } else if (opterr && !colon) {
            fprintf(stderr, "%s: unrecognized option '%s'\n", argv[0], word);
        }
        optopt = 0;
        return '?';
    }
    optarg = NULL;
    if (eq) {
        if (lo[found].has_arg == no_argument) {
            if (opterr && !colon)
                fprintf(stderr, "%s: option '%s%s' doesn't allow an argument\n", argv[0],
                        dashes, lo[found].name);
            optopt = lo[found].val;
            return '?';
        }
        optarg = (char *)eq + 1;
    } else if (lo[found].has_arg == required_argument) {
        if (optind >= argc) {
            if (opterr && !colon)
                fprintf(stderr, "%s: option '%s%s' requires an argument\n", argv[0], dashes,
                        lo[found].name);
            optopt = lo[found].val;
            return colon ? ':' : '?';
        }
        optarg = argv[optind++];
    }
    if (index)
        *index = found;
    if (lo[found].flag) {
        *lo[found].flag = lo[found].val;
        return 0;
    }
    return lo[found].val;
}

/* Does word (up to '=') start the name of a long option? */
static int names_one(const struct option *lo, const char *word)
{
    size_t len = strcspn(word, "=");
    for (int i = 0; lo[i].name; i++)
        if (strncmp(lo[i].name, word, len) == 0)
            return 1;
    return 0;
}

static int short_option(int argc, char *const *argv, const char *optstring, int colon)
{
    int c = (unsigned char)*next++;
    const char *spec = c == ':' ? NULL : strchr(optstring, c);
    if (*next == '\0')
        optind++;
    if (!spec) {
        if (opterr && !colon)
            fprintf(stderr, "%s: invalid option -- '%c'\n", argv[0], c);
        optopt = c;
        if (*next == '\0')
            next = NULL;
        return '?';
    }
    if (spec[1] != ':') {
        if (*next == '\0')
            next = NULL;
        return c;
    }
    optarg = NULL;
    if (*next) {
        optarg = (char *)next;
        optind++;
    } else if (spec[2] != ':') {
        if (optind >= argc) {
            if (opterr && !colon)
                fprintf(stderr, "%s: option requires an argument -- '%c'\n", argv[0], c);
            optopt = c;
            next = NULL;
            return colon ? ':' : '?';
        }
        optarg = argv[optind++];
    }
    next = NULL;
    return c;
}

static int parse(int argc, char *const *argv, const char *optstring,
                 const struct option *lo, int *index, int long_only)
{
    int colon, r;
    if (optind == 0 || !started)
        start(&optstring);
    else if (*optstring == '+' || *optstring == '-')
        optstring++;
    colon = *optstring == ':';
    optarg = NULL;
    if (!next || *next == '\0') {
        if ((r = advance(argc, argv)) != 0)
            return r;
        if (lo && next[0] == '-') {
            next++;
            return long_option(argc, argv, lo, index, "--", colon);
        }
        if (lo && long_only && (!strchr(optstring, next[0]) || (next[1] && names_one(lo, next))))
            return long_option(argc, argv, lo, index, "-", colon);
    }
    return short_option(argc, argv, optstring, colon);
}

int getopt(int argc, char *const argv[], const char *optstring)
{
    return parse(argc, argv, optstring, NULL, NULL, 0);
}

int getopt_long(int argc, char *const argv[], const char *optstring,
                const struct option *lo, int *index)
{
    return parse(argc, argv, optstring, lo, index, 0);
}

int getopt_long_only(int argc, char *const argv[], const char *optstring,
                     const struct option *lo, int *index)
{
    return parse(argc, argv, optstring, lo, index, 1);
}
