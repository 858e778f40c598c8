/*
 * host_stabilix.c - HOST-ONLY stand-in for lib/libc's Stabilix calls
 * (stabilix.h), linked into the build/host copies of ps, dmesg, free,
 * uptime, service, poweroff and reboot.  Every call fails with ENOSYS,
 * so host tests can check the usage and error paths; the real calls
 * exist only on Stabilix.  Never linked into a Stabilix program.
 */
#include <errno.h>
#include "stabilix.h"

int sx_procs(struct sx_proc *out, int max, int flags)
{
	(void)out;
	(void)max;
	(void)flags;
	errno = ENOSYS;
	return -1;
}

int sx_klog(char *buf, int size, unsigned *offset)
{
	(void)buf;
	(void)size;
	(void)offset;
	errno = ENOSYS;
	return -1;
}

int sx_meminfo(unsigned *free_kib, unsigned *total_kib)
{
	(void)free_kib;
	(void)total_kib;
	errno = ENOSYS;
	return -1;
}

long sx_uptime_ms(void)
{
	errno = ENOSYS;
	return -1;
}

int sx_shutdown(int how)
{
	(void)how;
	errno = ENOSYS;
	return -1;
}

int sx_service_list(struct sx_service *out, int max)
{
	(void)out;
	(void)max;
	errno = ENOSYS;
	return -1;
}

int sx_service_ctl(const char *cmd, const char *label, const char *arg)
{
	(void)cmd;
	(void)label;
	(void)arg;
	errno = ENOSYS;
	return -1;
}

int sx_stab(struct sx_stab *out)
{
	(void)out;
	errno = ENOSYS;
	return -1;
}

int sx_acct(struct sx_acct *out)
{
	(void)out;
	errno = ENOSYS;
	return -1;
}

const char *sx_fi_take(void)
{
	return 0;                       /* no PM on the host: never a fault */
}

int sx_note(int i, int set, int value)
{
	(void)i;
	(void)set;
	(void)value;
	errno = ENOSYS;
	return -1;
}
