/*
 * attack.c - /test/attack <hole> <arg>: one attack from an unprivileged
 * program on a hole the security review found (issue 13), for
 * tests/system/test_adversarial.py.  The program only reports what it
 * saw, as hex the host compares with what it chose; the host judges.
 *
 *   stale-read <secret>  a raw IPC_SEND of VFS_READ on an empty pipe (so
 *       VFS would hold a read for a caller that is not waiting), then
 *       close() of that descriptor, then a new pipe that a "victim" (a
 *       child: another process) writes <secret> into.  Prints "attack: stolen <hex>" (what
 *       reached the attacker's buffer) and "attack: victim <hex>" (what
 *       the victim's own read got).
 *   sse <hex8>  a child fills XMM0-7 with the 32-bit pattern and MXCSR
 *       with 0x9fc0, and exits; then the parent, whose first FPU use this
 *       is, prints "attack: xmm0 <hex> mxcsr <hex>" as it finds them.
 *   pm-exit <ms>  run as /tmp/pm (a copy): after <ms>, sends VFS the call
 *       only PM may make, "this process exited", for itself.  Prints
 *       "attack: pm-exit answered <status>" if it still has its
 *       descriptors after.
 *   setuid <n>  setuid(n), then prints "attack: setuid <n>: <result>
 *       uid <u> euid <e>" with the ids PM then holds.
 *   epwrap <secret> <tries>  a child that the program trusts reports its
 *       endpoint E and exits; the program grants E read access to
 *       <secret>.  Then it forks up to <tries> children until one has
 *       endpoint E again (test hooks make generations wrap after a few
 *       exits), which copies through the grant.  Prints "attack: endpoint
 *       back after <n> forks: copy <status> <hex>", or "attack: endpoint
 *       never came back".
 *   hog <hold-s>  mallocs and touches 256 KiB blocks until malloc fails;
 *       prints "attack: hog <KiB> KiB then <error>", "attack: holding",
 *       keeps the memory <hold-s> seconds, prints "attack: released".
 *   forkbomb <hold-s>  forks children that wait, until fork fails;
 *       prints "attack: forkbomb <n> then <error>" and "attack:
 *       holding", after <hold-s> seconds kills and reaps them, prints
 *       "attack: released".
 *   zombies  forks children that exit at once and are never waited for,
 *       until fork fails; prints "attack: zombies <n> then <error>".
 *   elf  writes broken executables to /tmp (a bss of 2 GiB, 65535
 *       program headers, a file cut after 100 bytes, a wrong machine)
 *       and execs each: "attack: elf <name> <error>".
 *   sigreturn <how>  a SIGUSR1 handler rewrites the context it returns to,
 *       in a child: "eflags" sets IOPL 3, NT, VM and AC and clears IF,
 *       then the child prints "attack: eflags <hex> fpu <n>" as it runs
 *       after the handler (n: arithmetic across the handler, 9) and tries
 *       an inb; "eip-kernel", "eip-wild", "esp-kernel", "esp-high" set EIP
 *       to 0x100000 or 0xdeadbee0, ESP to 0x1000 or 0xfffffff0;
 *       "fpu-wild" points the saved FPU state at 0x1000, "mxcsr" sets
 *       every bit of the saved MXCSR.  The parent prints "attack: sigreturn
 *       <how> status <wait status>".
 *   forge <text>  links itself as "/tmp/a\n<text>" and runs that, which
 *       writes to address 0: the kernel logs the exception with the name.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <stdint.h>
#include <sys/wait.h>
#include <unistd.h>
#include "libsys.h"
#include "proto/vfs.h"
#include "stabilix.h"

endpoint_t __vfs_endpoint(void);

static void hex(const char *what, const unsigned char *b, int n)
{
	printf("attack: %s ", what);
	for (int i = 0; i < n; i++)
		printf("%02x", b[i]);
	printf("\n");
}

static int stale_read(const char *secret)
{
	static unsigned char stolen[64], got[64];
	int a[2], v[2], n = (int)strlen(secret);
	endpoint_t vfs = __vfs_endpoint();
	message m;
	struct vfs_req *rq = MSG_BODY(&m, struct vfs_req);
	pid_t victim;
	if (n > 64 || pipe(a) < 0)
		return 2;
	memset(&m, 0, sizeof(m));
	m.m_type = VFS_READ;
	rq->fd = a[0];
	rq->len = sizeof(stolen);
	rq->grant = grant_create(vfs, stolen, sizeof(stolen), GRANT_WRITE);
	if (rq->grant < 0 || ipc_send(vfs, &m) != OK) {
		printf("attack: raw send failed\n");
		return 1;
	}
	close(a[0]);                    /* the held read's open file goes */
	fflush(stdout);
	if ((victim = fork()) == 0) {   /* another process's pipe takes its place */
		if (pipe(v) < 0)
			_exit(2);
		if (write(v[1], secret, n) != n)
			printf("attack: victim write: %s\n", strerror(errno));
		fcntl(v[0], F_SETFL, O_NONBLOCK);
		n = (int)read(v[0], got, sizeof(got));
		hex("victim", got, n > 0 ? n : 0);
		_exit(0);
	}
	waitpid(victim, 0, 0);
	hex("stolen", stolen, n);
	close(a[1]);
	return 0;
}

static int sse(const char *pattern)
{
	unsigned int pat = (unsigned int)strtoul(pattern, 0, 16), mxcsr = 0x9fc0;
	unsigned int fill[4] = { pat, pat, pat, pat };
	unsigned char seen[16];
	pid_t child = fork();
	if (child < 0)
		return 2;
	if (child == 0) {
		__asm__ volatile("movdqu %0, %%xmm0\n\tmovdqa %%xmm0, %%xmm1\n\t"
				 "movdqa %%xmm0, %%xmm2\n\tmovdqa %%xmm0, %%xmm3\n\t"
				 "movdqa %%xmm0, %%xmm4\n\tmovdqa %%xmm0, %%xmm5\n\t"
				 "movdqa %%xmm0, %%xmm6\n\tmovdqa %%xmm0, %%xmm7\n\t"
				 "ldmxcsr %1" : : "m"(fill), "m"(mxcsr));
		_exit(0);
	}
	waitpid(child, 0, 0);
	__asm__ volatile("movdqu %%xmm0, %0\n\tstmxcsr %1" : "=m"(seen), "=m"(mxcsr));
	hex("xmm0", seen, 16);
	printf("attack: mxcsr %04x\n", mxcsr);
	return 0;
}

static int pm_exit(long after_ms)
{
	message m;
	struct vfs_pm_req *rq = MSG_BODY(&m, struct vfs_pm_req);
	endpoint_t self;
	long until = sx_uptime_ms() + after_ms;
	int r;
	printf("attack: posing as pm\n");
	fflush(stdout);
	while (sx_uptime_ms() < until)
		;                       /* no sleep(): it would ask PM */
	memset(&m, 0, sizeof(m));
	m.m_type = VFS_PM_EXIT;
	if (sys_self(&self, 0) != OK)
		return 2;
	rq->ep = self;
	r = ipc_call(__vfs_endpoint(), &m);
	printf("attack: pm-exit answered %d\n", r == OK ? m.m_type : r);
	return 0;
}

static int forge(const char *self, const char *text)
{
	char path[64];
	snprintf(path, sizeof(path), "/tmp/a\n%s", text);
	unlink(path);
	if (link(self, path) < 0) {
		printf("attack: link: %s\n", strerror(errno));
		return 1;
	}
	execl(path, path, "crash", (char *)0);
	printf("attack: exec: %s\n", strerror(errno));
	return 1;
}

static endpoint_t child_endpoint(void)
{
	int p[2];
	endpoint_t e = NONE;
	pid_t c;
	if (pipe(p) < 0 || (c = fork()) < 0)
		return NONE;
	if (c == 0) {
		sys_self(&e, 0);
		write(p[1], &e, sizeof(e));
		_exit(0);
	}
	if (read(p[0], &e, sizeof(e)) != sizeof(e))
		e = NONE;
	waitpid(c, 0, 0);
	close(p[0]);
	close(p[1]);
	return e;
}

static int epwrap(const char *secret, int tries)
{
	static unsigned char buf[64];
	int n = (int)strlen(secret), status = 0;
	endpoint_t me, old;
	grant_id_t g;
	if (n > 64 || sys_self(&me, 0) != OK || (old = child_endpoint()) == NONE)
		return 2;
	if ((g = grant_create(old, secret, (uint32_t)n, GRANT_READ)) < 0)
		return 2;
	for (int i = 1; i <= tries; i++) {
		pid_t c = fork();
		endpoint_t e;
		if (c == 0) {
			if (sys_self(&e, 0) != OK || e != old)
				_exit(1);
			status = sys_safecopyfrom(me, g, 0, buf, (uint32_t)n);
			printf("attack: endpoint back after %d forks: copy %d ", i, status);
			for (int k = 0; status == OK && k < n; k++)
				printf("%02x", buf[k]);
			printf("\n");
			_exit(0);
		}
		if (c < 0 || waitpid(c, &status, 0) < 0)
			return 2;
		if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
			return 0;
	}
	printf("attack: endpoint never came back\n");
	return 1;
}

static void hold(int seconds)
{
	printf("attack: holding\n");
	fflush(stdout);
	sleep((unsigned)seconds);
}

static int hog(int seconds)
{
	long kib = 0;
	char *b;
	while ((b = malloc(256 * 1024))) {
		for (int i = 0; i < 256 * 1024; i += 4096)
			b[i] = 1;
		kib += 256;
	}
	printf("attack: hog %ld KiB then %s\n", kib, strerror(errno));
	hold(seconds);
	printf("attack: released\n");
	return 0;
}

static int forkbomb(int seconds)
{
	static pid_t kids[256];
	int n = 0;
	pid_t c = 0;
	while (n < 256 && (c = fork()) > 0)
		kids[n++] = c;
	if (c == 0) {
		for (;;)
			pause();
	}
	printf("attack: forkbomb %d then %s\n", n, n < 256 ? strerror(errno) : "stopped");
	hold(seconds);
	for (int i = 0; i < n; i++)
		kill(kids[i], SIGKILL);
	for (int i = 0; i < n; i++)
		waitpid(kids[i], 0, 0);
	printf("attack: released\n");
	return 0;
}

static int zombies(void)
{
	int n = 0;
	pid_t c;
	while (n < 256 && (c = fork()) >= 0) {
		if (c == 0)
			_exit(0);
		n++;
	}
	printf("attack: zombies %d then %s\n", n, n < 256 ? strerror(errno) : "stopped");
	return 0;
}

/* Write a copy of this program with 'len' bytes at 'off' replaced (or cut
 * at 'cut' bytes), then exec it in a child. */
static void bad_elf(const char *self, const char *name, long off, const void *bytes,
		    int len, long cut)
{
	static char img[1 << 18];
	char path[32];
	int fd = open(self, O_RDONLY), n, status;
	pid_t c;
	n = fd < 0 ? -1 : (int)read(fd, img, sizeof(img));
	close(fd);
	if (n < 200) {
		printf("attack: elf %s cannot read %s\n", name, self);
		return;
	}
	memcpy(img + off, bytes, (size_t)len);
	snprintf(path, sizeof(path), "/tmp/%s", name);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0755);
	write(fd, img, (size_t)(cut ? cut : n));
	close(fd);
	if ((c = fork()) == 0) {
		execl(path, path, (char *)0);
		printf("attack: elf %s %s\n", name, strerror(errno));
		_exit(1);
	}
	waitpid(c, &status, 0);
	if (WIFEXITED(status) && WEXITSTATUS(status) != 1)
		printf("attack: elf %s ran\n", name);
	unlink(path);
}

static int elf(const char *self)
{
	uint32_t phoff, memsz = 0x80000000u;
	uint16_t many = 0xffff, machine = 62;
	int fd = open(self, O_RDONLY);
	if (fd < 0 || lseek(fd, 28, SEEK_SET) != 28 || read(fd, &phoff, 4) != 4)
		return 2;
	close(fd);
	bad_elf(self, "bss", (long)phoff + 20, &memsz, 4, 0);      /* first header's p_memsz */
	bad_elf(self, "phnum", 44, &many, 2, 0);
	bad_elf(self, "short", 0, "", 0, 100);
	bad_elf(self, "machine", 18, &machine, 2, 0);
	return 0;
}

static const char *sig_how;

/* The handler's frame (proto/sys.h, struct sigframe): above the saved
 * ebp are the return address, signo and the context's address. */
static void rewrite(int signo)
{
	uint32_t *fp = __builtin_frame_address(0);
	struct sigctx *ctx = (struct sigctx *)fp[3];
	(void)signo;
	if (!strcmp(sig_how, "eflags"))
		ctx->eflags = (ctx->eflags | 0x3000 | 0x4000 | 0x20000 | 0x40000) & ~0x200u;
	else if (!strcmp(sig_how, "eip-kernel"))
		ctx->eip = 0x100000;
	else if (!strcmp(sig_how, "eip-wild"))
		ctx->eip = 0xdeadbee0;
	else if (!strcmp(sig_how, "esp-kernel"))
		ctx->esp = 0x1000;
	else if (!strcmp(sig_how, "esp-high"))
		ctx->esp = 0xfffffff0;
	else if (!strcmp(sig_how, "fpu-wild"))
		ctx->fpu = 0x1000;
	else if (!strcmp(sig_how, "mxcsr") && ctx->fpu)
		*(uint32_t *)(ctx->fpu + 24) = 0xffffffffu;     /* reserved bits: fxrstor's #GP */
}

static int bad_sigreturn(const char *how)
{
	int status;
	pid_t c;
	sig_how = how;
	fflush(stdout);
	if ((c = fork()) == 0) {
		uint32_t fl;
		unsigned char b;
		volatile double d = 1.5;
		d = d * 2;                      /* the frame gets an FPU state */
		signal(SIGUSR1, rewrite);
		raise(SIGUSR1);
		d = d * 3;                      /* the kernel loads it back */
		__asm__ volatile("pushfl\n\tpopl %0" : "=r"(fl));
		printf("attack: eflags %08x fpu %d\n", (unsigned)fl, (int)d);
		fflush(stdout);
		__asm__ volatile("inb $0x80, %0" : "=a"(b));
		printf("attack: inb worked\n");
		_exit(0);
	}
	if (c < 0 || waitpid(c, &status, 0) < 0)
		return 2;
	printf("attack: sigreturn %s status %d\n", how, status);
	return 0;
}

static int try_setuid(const char *n)
{
	int r = setuid((uid_t)atoi(n));
	printf("attack: setuid %s: %s uid %d euid %d\n", n, r < 0 ? strerror(errno) : "ok",
	       (int)getuid(), (int)geteuid());
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "setuid"))
		return try_setuid(argv[2]);
	if (argc == 2 && !strcmp(argv[1], "crash"))
		*(volatile int *)0 = 1;         /* the kernel logs the exception, with our name */
	if (argc == 3 && !strcmp(argv[1], "pm-exit"))
		return pm_exit(atol(argv[2]));
	if (argc == 3 && !strcmp(argv[1], "forge"))
		return forge(argv[0], argv[2]);
	if (argc == 3 && !strcmp(argv[1], "stale-read"))
		return stale_read(argv[2]);
	if (argc == 3 && !strcmp(argv[1], "sse"))
		return sse(argv[2]);
	if (argc == 3 && !strcmp(argv[1], "hog"))
		return hog(atoi(argv[2]));
	if (argc == 3 && !strcmp(argv[1], "forkbomb"))
		return forkbomb(atoi(argv[2]));
	if (argc == 2 && !strcmp(argv[1], "zombies"))
		return zombies();
	if (argc == 3 && !strcmp(argv[1], "sigreturn"))
		return bad_sigreturn(argv[2]);
	if (argc == 2 && !strcmp(argv[1], "elf"))
		return elf(argv[0]);
	if (argc == 4 && !strcmp(argv[1], "epwrap"))
		return epwrap(argv[2], atoi(argv[3]));
	fprintf(stderr, "usage: attack stale-read <secret> | sse <hex8> | pm-exit <ms> | setuid <n> | forge <text> | epwrap <secret> <tries>\n"
		"       | hog <s> | forkbomb <s> | zombies | elf | sigreturn <how>\n");
	return 2;
}
