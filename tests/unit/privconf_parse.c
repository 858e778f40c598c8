/*
 * privconf_parse.c - host tests of the service description parser
 * (lib/common/privconf.c): every keyword and its defaults, appending
 * several files to one struct, and each error with its line number.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "../../lib/common/privconf.h"
#include "proto/sys.h"
#include "tap.h"

/* The parsed configuration, followed by a guard that must stay intact. */
static struct {
    struct privconf pc;
    unsigned char guard[256];
} conf;

static struct pc_error err;

static void reset(void)
{
    memset(&conf.pc, 0, sizeof(conf.pc));
    memset(conf.guard, 0xa5, sizeof(conf.guard));
    memset(&err, 0, sizeof(err));
}

static int guard_intact(void)
{
    for (size_t i = 0; i < sizeof(conf.guard); i++)
        if (conf.guard[i] != 0xa5)
            return 0;
    return 1;
}

static int parse_more(const char *text)
{
    return privconf_parse(text, (uint32_t)strlen(text), &conf.pc, &err);
}

static int parse(const char *text)
{
    reset();
    return parse_more(text);
}

/* Expect privconf_parse(text) to fail on 'line' with a message containing
 * 'msg'; 'what' names the error case. */
static void expect_error(const char *text, int line, const char *msg, const char *what)
{
    int r = parse(text);
    ok(r == -1 && err.line == line && strstr(err.msg, msg) != NULL,
       "%s: error on line %d", what, line);
    if (r != -1 || err.line != line || !strstr(err.msg, msg))
        diag("  returned %d, line %d, msg \"%s\"; want -1, line %d, \"%s\"",
             r, err.line, err.msg, line, msg);
    ok(guard_intact(), "%s: nothing written past struct privconf", what);
}

static const char full_example[] =
    "# services for the unit test\r\n"
    "\r\n"
    "service tty            # a driver\r\n"
    "    program  ttydrv\r\n"
    "    boot     no\r\n"
    "    parent   init\r\n"
    "    ipc      rs ds\tvfs\r\n"
    "    ipc      ALL user  # more targets\r\n"
    "    calls    irqctl devio\r\n"
    "    calls    exit setalarm\r\n"
    "    io       0x3f8-0x3ff 0x60\r\n"
    "    io       0x64 100-0X1F0\r\n"
    "    irq      1 4\r\n"
    "    irq      15 0\r\n"
    "    mem      0xb8000-0xbffff 0xA0000\r\n"
    "    priority 3\r\n"
    "    quantum  8\r\n"
    "\r\n"
    "   # an indented comment\r\n"
    "\t \r\n"
    "service fs\r\n"
    "    calls ALL\r\n"
    "    priority 0\r\n"
    "    quantum 1000\r\n"
    "    boot yes\r\n"
    "\r\n"
    "service Min_label-9    # only defaults\r\n";

static void test_full_example(void)
{
    const struct pc_service *s;
    int r = parse(full_example);

    is_int(r, 3, "full example: three services");
    is_int(conf.pc.nsvc, 3, "full example: nsvc is 3");
    s = &conf.pc.svc[0];
    is_str(s->label, "tty", "tty: label");
    is_str(s->program, "ttydrv", "tty: program");
    is_int(s->boot, 0, "tty: boot no");
    is_str(s->parent, "init", "tty: parent");
    is_int(s->ipc_all, 1, "tty: ipc ALL sets ipc_all");
    is_int(s->nipc, 4, "tty: four ipc targets over two lines");
    is_str(s->ipc[0], "rs", "tty: ipc[0] rs");
    is_str(s->ipc[1], "ds", "tty: ipc[1] ds");
    is_str(s->ipc[2], "vfs", "tty: ipc[2] vfs (tab separated)");
    is_str(s->ipc[3], "user", "tty: ipc[3] user (after ALL)");
    is_int(s->calls, (1 << 4) | (1 << 5) | (1 << 0) | (1 << 11),
           "tty: calls irqctl devio exit setalarm");
    is_int(s->nio, 4, "tty: four io ranges over two lines");
    is_int(s->io[0].base, 0x3f8, "tty: io[0] base");
    is_int(s->io[0].last, 0x3ff, "tty: io[0] last");
    is_int(s->io[1].base, 0x60, "tty: io[1] single port base");
    is_int(s->io[1].last, 0x60, "tty: io[1] single port last = base");
    is_int(s->io[2].base, 0x64, "tty: io[2] single port");
    is_int(s->io[2].last, 0x64, "tty: io[2] last = base");
    is_int(s->io[3].base, 100, "tty: io[3] decimal base");
    is_int(s->io[3].last, 0x1f0, "tty: io[3] upper-case hex last");
    is_int(s->irqs, (1 << 1) | (1 << 4) | (1 << 15) | (1 << 0), "tty: irqs 0 1 4 15");
    is_int(s->nmem, 2, "tty: two mem ranges");
    is_int(s->mem[0].base, 0xb8000, "tty: mem[0] base");
    is_int(s->mem[0].last, 0xbffff, "tty: mem[0] last");
    is_int(s->mem[1].base, 0xa0000, "tty: mem[1] single address");
    is_int(s->mem[1].last, 0xa0000, "tty: mem[1] last = base");
    is_int(s->priority, 3, "tty: priority");
    is_int(s->quantum, 8, "tty: quantum");

    s = &conf.pc.svc[1];
    is_str(s->label, "fs", "fs: label");
    is_str(s->program, "fs", "fs: program defaults to the label");
    is_int(s->calls, (1 << NR_SYS_CALLS) - 1, "fs: calls ALL sets one bit per kernel call");
    is_int(s->priority, 0, "fs: priority 0");
    is_int(s->quantum, 1000, "fs: quantum 1000");
    is_int(s->boot, 1, "fs: boot yes");
    is_int(s->ipc_all, 0, "fs: no ipc ALL");

    s = &conf.pc.svc[2];
    is_str(s->label, "Min_label-9", "label with upper case, digit, _ and -");
    ok(guard_intact(), "full example: nothing written past struct privconf");
}

static void test_defaults(void)
{
    const struct pc_service *s;

    is_int(parse("service solo"), 1, "a lone service line without newline parses");
    s = &conf.pc.svc[0];
    is_str(s->label, "solo", "defaults: label");
    is_str(s->program, "solo", "defaults: program is the label");
    is_int(s->boot, 1, "defaults: boot is 1");
    is_str(s->parent, "rs", "defaults: parent is rs");
    is_int(s->priority, 4, "defaults: priority is 4");
    is_int(s->quantum, 10, "defaults: quantum is 10");
    ok(s->nipc == 0 && s->ipc_all == 0, "defaults: no ipc targets");
    is_int(s->calls, 0, "defaults: no kernel calls");
    ok(s->nio == 0 && s->nmem == 0 && s->irqs == 0, "defaults: no io, mem, irq");

    is_int(parse(""), 0, "empty text: zero services");
    is_int(parse("\n\n# only a comment\n   \n"), 0, "blank lines and comments: zero services");
    is_int(parse("service a\nservice b\nservice c\n"), 3, "three services in a row");
    is_str(conf.pc.svc[2].label, "c", "the third service is c");
    is_int(parse("service last#comment\n  priority 2#x\n"), 1,
           "a '#' right after a word ends it");
    ok(strcmp(conf.pc.svc[0].label, "last") == 0 && conf.pc.svc[0].priority == 2,
       "words before a glued comment are kept");
    is_int(parse("service abcdefghijklmno\n"), 1, "a 15-character label is accepted");
}

static void test_append(void)
{
    int r;

    reset();
    r = parse_more("service a\n  priority 1\nservice b\n");
    is_int(r, 2, "append: first text gives two services");
    r = parse_more("# second file\nservice c\n  priority 7\n");
    is_int(r, 3, "append: second text brings the total to three");
    ok(conf.pc.svc[0].priority == 1 && conf.pc.svc[2].priority == 7 &&
       strcmp(conf.pc.svc[2].label, "c") == 0,
       "append: the first services are kept and c is added after them");
    r = parse_more("\nservice d\n\nservice b\n");
    ok(r == -1 && err.line == 4 && strstr(err.msg, "duplicate"),
       "append: a label from an earlier text is a duplicate on line 4");
    r = parse_more("  priority 2\nservice e\n");
    ok(r == -1 && err.line == 1 && strstr(err.msg, "outside"),
       "append: a keyword before the first service of a new text is refused");
    is_int(conf.pc.svc[0].priority, 1,
           "append: a keyword in a new text does not change an earlier service");
    expect_error("service x\nservice y\nservice x\n", 3, "duplicate",
                 "duplicate label in one text");
}

static void test_errors(void)
{
    int n;

    expect_error("service a\n  colour blue\n", 2, "unknown keyword", "unknown keyword");
    expect_error("# top\n\n  priority 3\nservice a\n", 3, "outside",
                 "keyword outside a service");
    expect_error("service a\r\n  calls exit frobnicate\r\n", 2, "unknown kernel call",
                 "unknown kernel call");
    expect_error("service a\n  calls exi\n", 2, "unknown kernel call",
                 "prefix of a kernel call name");
    expect_error("service a\n  io 0x3ff-0x3f8\n", 2, "bad range", "io range with b < a");
    expect_error("service a\n\n  mem 0x2000-0x1fff\n", 3, "bad range",
                 "mem range with b < a");
    expect_error("service a\n  io 0x10000\n", 2, "bad range", "io port 0x10000");
    expect_error("service a\n  io 0xfff0-0x10000\n", 2, "bad range",
                 "io range ending past 0xffff");
    expect_error("service a\n  io 1-\n", 2, "bad range", "io range without an end");
    expect_error("service a\n  io -5\n", 2, "bad range", "io range without a start");
    expect_error("service a\n  io 1-2-3\n", 2, "bad range", "io range with two dashes");
    expect_error("service a\n  mem 0x\n", 2, "bad range", "bare 0x");
    expect_error("service a\n  mem 12z\n", 2, "bad range", "trailing junk in a number");
    expect_error("service a\n  irq 3 16\n", 2, "irq", "irq 16");
    expect_error("service a\n  priority 8\n", 2, "priority", "priority 8");
    expect_error("service a\n  priority -1\n", 2, "priority", "priority -1");
    expect_error("service a\n  quantum 0\n", 2, "quantum", "quantum 0");
    expect_error("service a\n  quantum 1001\n", 2, "quantum", "quantum 1001");
    expect_error("service a\n  priority 3 4\n", 2, "priority", "priority with two values");
    expect_error("service a\n  priority\n", 2, "without a value", "keyword without a value");
    expect_error("service a\n  boot maybe\n", 2, "boot", "boot maybe");
    expect_error("service abcdefghijklmnop\n", 1, "bad service label",
                 "16-character service label");
    expect_error("service a\n  program abcdefghijklmnop\n", 2, "program",
                 "16-character program name");
    expect_error("service a\n  parent abcdefghijklmnop\n", 2, "parent",
                 "16-character parent label");
    expect_error("service a\n  ipc rs abcdefghijklmnop\n", 2, "ipc",
                 "16-character ipc target");
    expect_error("service tty.1\n", 1, "bad service label", "label with a '.'");
    expect_error("service a/b\n", 1, "bad service label", "label with a '/'");
    expect_error("service a\n  ipc rs d$s\n", 2, "bad ipc target", "ipc target with a '$'");
    expect_error("\nservice\n", 2, "exactly one label", "service with no label");
    expect_error("service a b\n", 1, "exactly one label", "service with two labels");

    /* Numbers that overflow 32 bits must not wrap to a valid value. */
    expect_error("service a\n  mem 0x100000000\n", 2, "bad range", "mem 0x100000000");
    expect_error("service a\n  mem 0x1000-0x100000000\n", 2, "bad range",
                 "mem range ending at 0x100000000");
    expect_error("service a\n  irq 0x100000001\n", 2, "irq",
                 "irq 0x100000001 (1 if it wrapped)");
    expect_error("service a\n  priority 4294967296\n", 2, "priority",
                 "priority 4294967296 (0 if it wrapped)");
    expect_error("service a\n  quantum 4294967306\n", 2, "quantum",
                 "quantum 4294967306 (10 if it wrapped)");
    is_int(parse("service a\n  mem 0xffffffff 4294967295\n"), 1,
           "0xffffffff and 4294967295 are accepted as mem addresses");
    ok(conf.pc.svc[0].mem[0].base == 0xffffffffu && conf.pc.svc[0].mem[1].base == 0xffffffffu,
       "both parse to 0xffffffff");

    /* A NUL byte inside the text (explicit length). */
    {
        static const char nul_text[] = "service a\n  prio\0rity 3\n";
        reset();
        n = privconf_parse(nul_text, sizeof(nul_text) - 1, &conf.pc, &err);
        ok(n == -1 && err.line == 2 && strstr(err.msg, "NUL"),
           "NUL byte in text: error on line 2");
        reset();
        n = privconf_parse("service a\n\0", 11, &conf.pc, &err);
        ok(n == -1 && err.line == 2 && strstr(err.msg, "NUL"),
           "NUL byte alone on the last line: error on line 2");
    }
}

static void test_limits(void)
{
    char text[8192];
    int n, r;

    /* PC_MAX_IPC targets fit; one more does not (one line, then two lines). */
    n = snprintf(text, sizeof(text), "service a\n  ipc");
    for (int i = 0; i < PC_MAX_IPC; i++)
        n += snprintf(text + n, sizeof(text) - n, " t%d", i);
    snprintf(text + n, sizeof(text) - n, "\n");
    is_int(parse(text), 1, "PC_MAX_IPC ipc targets are accepted");
    is_int(conf.pc.svc[0].nipc, PC_MAX_IPC, "nipc is PC_MAX_IPC");
    {
        char last[PC_LABEL];
        snprintf(last, sizeof(last), "t%d", PC_MAX_IPC - 1);
        is_str(conf.pc.svc[0].ipc[PC_MAX_IPC - 1], last, "the last ipc target is kept");
    }
    snprintf(text + n, sizeof(text) - n, " extra\n");
    expect_error(text, 2, "too many ipc", "PC_MAX_IPC+1 ipc targets on one line");
    snprintf(text + n, sizeof(text) - n, "\n\n  ipc extra\n");
    expect_error(text, 4, "too many ipc", "PC_MAX_IPC+1 ipc targets over two lines");

    /* PC_MAX_IO io ranges fit; one more does not. */
    n = snprintf(text, sizeof(text), "service a\n  io");
    for (int i = 0; i < PC_MAX_IO; i++)
        n += snprintf(text + n, sizeof(text) - n, " 0x%x", 0x100 + i);
    snprintf(text + n, sizeof(text) - n, "\n");
    is_int(parse(text), 1, "PC_MAX_IO io ranges are accepted");
    is_int(conf.pc.svc[0].nio, PC_MAX_IO, "nio is PC_MAX_IO");
    snprintf(text + n, sizeof(text) - n, " 0x200\n");
    expect_error(text, 2, "too many ranges", "PC_MAX_IO+1 io ranges");
    n = snprintf(text, sizeof(text), "service a\n  mem 1\n  mem");
    for (int i = 1; i < PC_MAX_MEM; i++)
        n += snprintf(text + n, sizeof(text) - n, " %d", i + 1);
    snprintf(text + n, sizeof(text) - n, "\n");
    is_int(parse(text), 1, "PC_MAX_MEM mem ranges over two lines are accepted");
    is_int(conf.pc.svc[0].nmem, PC_MAX_MEM, "nmem is PC_MAX_MEM");
    snprintf(text + n, sizeof(text) - n, " 0x9000\n");
    expect_error(text, 3, "too many ranges", "PC_MAX_MEM+1 mem ranges over two lines");

    /* PC_MAX_SVC services fit; one more does not. */
    n = 0;
    for (int i = 0; i < PC_MAX_SVC; i++)
        n += snprintf(text + n, sizeof(text) - n, "service s%d\n  quantum %d\n", i, i + 1);
    r = parse(text);
    is_int(r, PC_MAX_SVC, "PC_MAX_SVC services are accepted");
    {
        char last[PC_LABEL];
        snprintf(last, sizeof(last), "s%d", PC_MAX_SVC - 1);
        ok(strcmp(conf.pc.svc[PC_MAX_SVC - 1].label, last) == 0 &&
           conf.pc.svc[PC_MAX_SVC - 1].quantum == PC_MAX_SVC,
           "the last of PC_MAX_SVC services is complete");
    }
    snprintf(text + n, sizeof(text) - n, "service extra\n");
    expect_error(text, 2 * PC_MAX_SVC + 1, "too many services",
                 "PC_MAX_SVC+1 services");
    reset();
    parse_more("service a\n");
    n = 0;
    for (int i = 1; i < PC_MAX_SVC; i++)
        n += snprintf(text + n, sizeof(text) - n, "service s%d\n", i);
    is_int(parse_more(text), PC_MAX_SVC, "PC_MAX_SVC services over two texts");
    r = parse_more("\nservice more\n");
    ok(r == -1 && err.line == 2 && strstr(err.msg, "too many services"),
       "PC_MAX_SVC+1 services over three texts: error on line 2");
    ok(guard_intact(), "too many services: nothing written past struct privconf");

    /* A line has more than 24 words: every word must still be validated.
     * (split() keeps only the first 24 words of a line.) */
    n = snprintf(text, sizeof(text), "service a\n  calls");
    for (int i = 0; i < 23; i++)
        n += snprintf(text + n, sizeof(text) - n, " exit");
    snprintf(text + n, sizeof(text) - n, " nosuchcall\n");
    r = parse(text);
    ok(r == -1 && err.line == 2,
       "a line with 25 words (the last an unknown call) is refused");
    if (r != -1)
        diag("  returned %d, calls 0x%x: the 25th word was ignored", r,
             conf.pc.svc[0].calls);
    n = snprintf(text, sizeof(text), "service a\n  irq");
    for (int i = 0; i < 23; i++)
        n += snprintf(text + n, sizeof(text) - n, " 1");
    snprintf(text + n, sizeof(text) - n, " 16\n");
    r = parse(text);
    ok(r == -1 && err.line == 2,
       "a line with 25 words (the last irq 16) is refused");
    if (r != -1)
        diag("  returned %d, irqs 0x%x: the 25th word was ignored", r,
             conf.pc.svc[0].irqs);
}

static void test_call_numbers(void)
{
    static const char *const names[] = {
        "exit", "kill", "safecopyfrom", "safecopyto", "irqctl", "devio",
        "mapdev", "getinfo", "diag", "shutdown", "getksig", "setalarm",
        "spawn", "getmodule", "console", "fork", "vmctl", "exec", "sigframe",
        "sigreturn", "stop",
    };
    ok(sizeof(names) / sizeof(names[0]) == NR_SYS_CALLS,
       "the parser knows a name for every kernel call in proto/sys.h");
    for (int i = 0; i < (int)(sizeof(names) / sizeof(names[0])); i++) {
        char name[64];
        snprintf(name, sizeof(name), "privconf_call_number(\"%s\") is %d", names[i], i);
        is_int(privconf_call_number(names[i], (int)strlen(names[i])), i, name);
    }
    is_int(privconf_call_number("frobnicate", 10), -1, "unknown call name is -1");
    is_int(privconf_call_number("", 0), -1, "empty call name is -1");
    is_int(privconf_call_number("exi", 3), -1, "a prefix of a call name is -1");
    is_int(privconf_call_number("exitx", 5), -1, "a call name plus a letter is -1");
    is_int(privconf_call_number("EXIT", 4), -1, "call names are case-sensitive");
    is_int(privconf_call_number("killer", 4), 1, "only len characters are compared");
    is_int(privconf_call_number("ALL", 3), -1, "ALL is not a call name");
}

int main(void)
{
    test_full_example();
    test_defaults();
    test_append();
    test_errors();
    test_limits();
    test_call_numbers();
    return done_testing();
}
