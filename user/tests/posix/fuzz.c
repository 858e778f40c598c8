/*
 * fuzz.c - /test/fuzz <seed> <count>: random IPC traps, kernel calls and
 * PM and VFS requests from an ordinary program (issue 13), for
 * tests/system/test_fuzz.py and `make fuzz` (tools/fuzz.py).
 *
 * Iteration i draws everything from its own generator, seeded with
 * (seed, i), so one iteration can be run again alone: fuzz <seed> 1 <i>.
 * Kinds: a raw IPC trap (any operation number, endpoint, pointer and
 * registers), a kernel call (any type, random body), a PM request and a
 * VFS request (any type of the server's range and a little past it,
 * random fields, grants real or made up, paths from a short list or
 * random bytes).  Pointers come from a pool: our own buffer, read-only
 * text, NULL, kernel memory, the edge of the user range, the state and
 * device windows, unmapped memory, and random words.
 *
 * Left out, because what they do to the caller is their defined effect
 * and the fuzzer would not go on: a receive into a good buffer (nobody
 * sends to us: it blocks, as it should), and the PM and VFS calls that
 * end, replace, stop, put to sleep or divert the caller (exit, fork,
 * exec, brk, sigaction, sigsuspend, sigreturn, sleep, pipe, SIGKILL or
 * SIGSTOP, any signal to another process: su, our parent, is ours too;
 * a poll that may wait: its timeout is made 0).
 * Every signal is ignored.  Standard input, output
 * and error are closed; the report goes to descriptor OUT_FD, which no
 * request may name.
 *
 * Each result is counted: OK or a count (>= 0), a defined error (a
 * negative errnums.h value), or undefined (anything else), with the first
 * few undefined ones listed.  Output: "fuzz: <i>/<count>" progress lines
 * and one "fuzz: summary {json}" line.  The host judges the system.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "libsys.h"
#include "proto/pm.h"
#include "proto/vfs.h"

endpoint_t __vfs_endpoint(void);

#define OUT_FD  19
#define NCODES  32

enum { K_TRAP, K_KCALL, K_PM, K_VFS, NKINDS };
static const char *kind_name[NKINDS] = { "trap", "kcall", "pm", "vfs" };

static uint64_t rs;                 /* this iteration's generator */
static long trace_from = -1;        /* argv[4]: print each iteration from here on */
static int tracing;
static uint8_t buf[8192] __attribute__((aligned(4096)));
static endpoint_t pm_ep, vfs_ep;
static long count[NKINDS], positive, undefined;
static struct { int code; long n; } codes[NCODES];
static char firsts[512];

static uint32_t rnd(void)
{
	rs ^= rs >> 12;
	rs ^= rs << 25;
	rs ^= rs >> 27;
	return (uint32_t)((rs * 2685821657736338717ull) >> 32);
}

static uint32_t pick(uint32_t n)
{
	return rnd() % n;
}

static void out(const char *fmt, ...)
{
	char line[640];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	write(OUT_FD, line, n < (int)sizeof(line) ? (size_t)n : sizeof(line) - 1);
}

static int defined_error(int r)
{
	static const int known[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 16,
		17, 18, 19, 20, 21, 22, 23, 24, 25, 27, 28, 29, 31, 32, 34, 88, 90, 91, 92,
		301, 302, 303, 304, 305, 306, 307, 308 };
	for (unsigned i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (r == -known[i])
			return 1;
	return 0;
}

static void record(int kind, long i, int r)
{
	count[kind]++;
	if (r >= 0) {
		positive++;
		return;
	}
	if (!defined_error(r)) {
		size_t l = strlen(firsts);
		if (++undefined <= 8 && l + 48 < sizeof(firsts))
			snprintf(firsts + l, sizeof(firsts) - l, "%s{\"i\":%ld,\"kind\":\"%s\",\"code\":%d}",
				 l ? "," : "", i, kind_name[kind], r);
		return;
	}
	for (int k = 0; k < NCODES; k++)
		if (codes[k].n == 0 || codes[k].code == r) {
			codes[k].code = r;
			codes[k].n++;
			return;
		}
}

static void text_marker(void) {}

/* A pointer from the pool; *ours: it is our own writable buffer. */
static uint32_t pointer(int *ours)
{
	static const uint32_t fixed[] = { 0, 0x1000, 0x100000, 0x3ffffff0, 0xbffffff0,
		0xc0000000, 0xdfffffc0, 0xf0000000, 0xffffffc0, 0x50000000 };
	uint32_t k = pick(16);
	*ours = 0;
	if (k < 6) {
		*ours = 1;
		return (uint32_t)buf + pick(sizeof(buf) - 64);
	}
	if (k == 6)
		return (uint32_t)text_marker;
	if (k == 7)
		return rnd();
	return fixed[pick(sizeof(fixed) / sizeof(fixed[0]))];
}

static endpoint_t endpoint(void)
{
	switch (pick(10)) {
	case 0: case 1: return pm_ep;
	case 2: case 3: return vfs_ep;
	case 4: return SYSTEM;
	case 5: return (endpoint_t)(ANY - pick(3));        /* ANY, NONE, -5 */
	case 6: return HARDWARE;
	case 7: return ENDPOINT(1 + pick(3), pick(NR_PROCS + 4));
	default: return (endpoint_t)rnd();
	}
}

static uint32_t field(void)
{
	static const uint32_t edge[] = { 0, 1, 2, 3, 0x7fffffff, 0x80000000, 0xffffffff,
		64, 4096, 65536, 0x10000000 };
	uint32_t k = pick(4);
	if (k == 0)
		return edge[pick(sizeof(edge) / sizeof(edge[0]))];
	if (k == 1)
		return rnd();
	return pick(32);
}

static void random_body(message *m)
{
	for (unsigned w = 0; w < sizeof(m->m.u32) / sizeof(m->m.u32[0]); w++)
		m->m.u32[w] = field();
}

/* Make a PM or VFS request one the fuzzer survives: no request names
 * OUT_FD, a kill goes to ourselves (signals ignored) or to nobody, never
 * SIGKILL or SIGSTOP.  Returns 1 if the type is one left out (see the
 * header): the caller must not send it. */
static int tame(message *m)
{
	static const int pm_no[] = { PM_FORK, PM_EXIT, PM_EXEC, PM_BRK, PM_SIGACTION,
		PM_SIGSUSPEND, PM_SIGRETURN, PM_SLEEP };
	struct vfs_req *rq = MSG_BODY(m, struct vfs_req);
	struct pm_req *pq = MSG_BODY(m, struct pm_req);
	for (unsigned i = 0; i < sizeof(pm_no) / sizeof(pm_no[0]); i++)
		if (m->m_type == pm_no[i])
			return 1;
	if (m->m_type == PM_KILL) {
		if (pq->pid >= -30000 && pq->pid <= 30000)
			pq->pid = getpid();
		if (pq->signal == SIGKILL || pq->signal == SIGSTOP)
			pq->signal = SIGUSR1;
	}
	if (rq->fd == OUT_FD)
		rq->fd = OUT_FD - 1;
	if (rq->fd2 == OUT_FD)
		rq->fd2 = OUT_FD - 1;
	if (m->m_type == VFS_POLL)
		rq->offset = 0;                 /* a poll of nothing ready would wait */
	if (m->m_type == VFS_FCNTL && rq->flags == 0)
		rq->flags = 1;                  /* F_DUPFD could land anywhere */
	return m->m_type == VFS_PIPE;
}

/* May a trap send the message at ptr?  Ours is tamed; read-only text
 * cannot be, so it is sent only if it needs nothing. */
static int harmless(uint32_t ptr, int ours)
{
	message copy;
	if (ours)
		return !tame((message *)ptr);
	if (ptr != (uint32_t)text_marker)
		return 1;
	memcpy(&copy, (const void *)ptr, sizeof(copy));
	return !tame(&copy) && !memcmp(&copy, (const void *)ptr, sizeof(copy));
}

static int trap(void)
{
	static const int ops[] = { IPC_SEND, IPC_RECEIVE, IPC_CALL, IPC_NOTIFY, IPC_SENDNB,
		IPC_GRANT, IPC_REVOKE, IPC_REPLYRECV, 0, 9, 0x7fffffff };
	int op = ops[pick(sizeof(ops) / sizeof(ops[0]))], ours;
	endpoint_t ep = endpoint();
	uint32_t ptr = pointer(&ours), b = field(), c = field();
	if (ours)
		for (int w = 0; w < 16; w++)
			((uint32_t *)ptr)[w] = rnd();
	int r;
	if ((op == IPC_RECEIVE || op == IPC_REPLYRECV) && (ours || ptr == 0xdfffffc0)) {
		ptr = 0x100000;                 /* a good buffer would wait forever */
		ours = 0;
	}
	if (op == IPC_SEND || op == IPC_CALL || op == IPC_SENDNB || op == IPC_REPLYRECV) {
		if (!harmless(ptr, ours) && ours)
			((message *)ptr)->m_type = 0;
		else if (!harmless(ptr, ours))
			ptr = 0;
	}
	r = ipc_trap(op, ep, ptr, b, c);
	if (op == IPC_GRANT && r > 0)
		grant_revoke(r);                /* keep the table for the requests */
	return r;
}

static int kcall(void)
{
	message m;
	memset(&m, 0, sizeof(m));
	random_body(&m);
	m.m_type = pick(4) ? SYS_BASE + (int)pick(32) : (int)rnd();
	if (pick(3) == 0) {
		int ours;
		uint32_t ptr = pointer(&ours);
		if (!ours)
			return ipc_trap(IPC_CALL, SYSTEM, ptr, 0, 0);
	}
	int r = ipc_call(SYSTEM, &m);
	return r != OK ? r : m.m_type;
}

static const char *const paths[] = { "/tmp/fz", "/tmp/fz/a", "/tmp", "/", "/etc/passwd",
	"/dev/null", "/nonexistent/x", "", "/tmp/../tmp/./fz2", "/bin/sh",
	"/tmp/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" };

/* A grant for the server: a real one over our buffer or a path, or not. */
static grant_id_t some_grant(endpoint_t to, uint32_t *len)
{
	uint32_t k = pick(8);
	if (k < 3) {
		const char *p = paths[pick(sizeof(paths) / sizeof(paths[0]))];
		*len = pick(4) ? (uint32_t)strlen(p) + 1 : field();
		if (tracing)
			out("fuzz: path %s\n", p);
		return grant_create(to, p, (uint32_t)strlen(p) + 1, GRANT_READ);
	}
	if (k < 6) {
		uint32_t n = pick(sizeof(buf)) + 1;
		for (uint32_t i = 0; i < n && i < 256; i++)
			buf[i] = (uint8_t)rnd();
		if (pick(4) == 0)
			*len = field();
		return grant_create(to, buf, n, 1 + (int)pick(3));
	}
	return (grant_id_t)field();
}

static int server_request(endpoint_t to, int base, int span)
{
	message m;
	grant_id_t g1, g2;
	uint32_t l1 = 0, l2 = 0;
	int r;
	memset(&m, 0, sizeof(m));
	random_body(&m);
	m.m_type = pick(8) ? base + (int)pick((uint32_t)span) : (int)rnd();
	if (to == vfs_ep) {
		struct vfs_req *rq = MSG_BODY(&m, struct vfs_req);
		static const int32_t fds[] = { -1, 0, 1, 2, 3, 4, 5, 15, 18, 20, 1000 };
		rq->fd = fds[pick(sizeof(fds) / sizeof(fds[0]))];
		g1 = some_grant(to, &l1);
		g2 = some_grant(to, &l2);
		rq->grant = g1;
		rq->grant2 = g2;
		rq->len = l1 ? l1 : field();
	} else {
		g1 = pick(2) ? some_grant(to, &l1) : -1;
		g2 = -1;
		MSG_BODY(&m, struct pm_req)->pid = (int32_t)field();
	}
	if (tame(&m))
		m.m_type = base + span + 8;     /* past the range: an unknown type */
	if (tracing)
		out("fuzz: request %#x: %08x %08x %08x %08x %08x %08x %08x\n", m.m_type,
		    m.m.u32[0], m.m.u32[1], m.m.u32[2], m.m.u32[3], m.m.u32[4], m.m.u32[5],
		    m.m.u32[6]);
	r = ipc_call(to, &m);
	if (g1 > 0)
		grant_revoke(g1);
	if (g2 > 0)
		grant_revoke(g2);
	return r != OK ? r : m.m_type;
}


static void one(long i, uint64_t seed)
{
	uint64_t z = seed ^ ((uint64_t)i * 0x9e3779b97f4a7c15ull);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	rs = (z ^ (z >> 27)) | 1;
	int kind = (int)pick(NKINDS), r;
	tracing = trace_from >= 0 && i >= trace_from;
	if (tracing)
		out("fuzz: trace %ld %s\n", i, kind_name[kind]);
	switch (kind) {
	case K_TRAP:  r = trap(); break;
	case K_KCALL: r = kcall(); break;
	case K_PM:    r = server_request(pm_ep, PM_BASE, 28); break;
	default:      r = server_request(vfs_ep, VFS_BASE, 40); break;
	}
	if (tracing)
		out("fuzz: result %d\n", r);
	record(kind, i, r);
}

static void summary(uint64_t seed, long first, long n)
{
	char list[1024] = "";
	size_t l = 0;
	for (int k = 0; k < NCODES && codes[k].n; k++)
		l += (size_t)snprintf(list + l, sizeof(list) - l, "%s\"%d\":%ld", k ? "," : "",
				      codes[k].code, codes[k].n);
	out("fuzz: summary {\"seed\":%llu,\"first\":%ld,\"count\":%ld,"
	    "\"kinds\":{\"trap\":%ld,\"kcall\":%ld,\"pm\":%ld,\"vfs\":%ld},"
	    "\"nonnegative\":%ld,\"errors\":{%s},\"undefined\":%ld,\"undefined_first\":[%s]}\n",
	    (unsigned long long)seed, first, n, count[K_TRAP], count[K_KCALL], count[K_PM],
	    count[K_VFS], positive, list, undefined, firsts);
}

int main(int argc, char **argv)
{
	uint64_t seed;
	long n, first;
	if (argc < 3 || argc > 5) {
		fprintf(stderr, "usage: fuzz <seed> <count> [first [trace-from]]\n");
		return 2;
	}
	seed = strtoull(argv[1], 0, 0);
	n = atol(argv[2]);
	first = argc >= 4 ? atol(argv[3]) : 0;
	trace_from = argc == 5 ? atol(argv[4]) : -1;
	if (sys_lookup("pm", &pm_ep) != OK || (vfs_ep = __vfs_endpoint()) < 0 ||
	    dup2(1, OUT_FD) != OUT_FD) {
		fprintf(stderr, "fuzz: cannot find pm and vfs\n");
		return 1;
	}
	for (int s = 1; s < 32; s++)
		if (s != SIGKILL && s != SIGSTOP)
			signal(s, SIG_IGN);
	close(0);
	close(1);
	close(2);
	out("fuzz: seed %llu, iterations %ld..%ld\n", (unsigned long long)seed, first, first + n - 1);
	for (long i = first; i < first + n; i++) {
		one(i, seed);
		if ((i - first + 1) % (n >= 10 ? n / 10 : 1) == 0)
			out("fuzz: %ld/%ld\n", i - first + 1, n);
	}
	unlink("/tmp/fz/a");
	rmdir("/tmp/fz");
	unlink("/tmp/fz");
	unlink("/tmp/fz2");
	summary(seed, first, n);
	return 0;
}
