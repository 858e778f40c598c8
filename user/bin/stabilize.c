/*
 * stabilize.c - /bin/stabilize: the state of self-stabilization: which
 * mechanisms are on (boot options stab=off, nocheck, norom, nonmi, nowdt),
 * the checker's full sweeps, the watchdog NMIs, and how many times each
 * kernel structure was found broken and repaired:
 *   mechanisms: checker on, rom on, nmi on, watchdog on
 *   sweeps 123  nmis 456  repairs 0
 *   checker: 1.23% of kernel time (12300000 of 1000000000 tsc in
 *     400 slices, longest 90000), nmi 0.20% (2000000 tsc), full sweep every 23 ticks
 *   rom          0
 *   ...
 * (TSC ticks: under QEMU -icount they count guest instructions << shift.)
 * No arguments.  Errors: "stabilize: <strerror>", status 1.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "stabilix.h"
#include "util.h"

/* part/whole as a percentage with two decimals, in integer arithmetic. */
static const char *percent(unsigned long long part, unsigned long long whole)
{
	static char buf[2][24];
	static int n;
	unsigned long x = whole ? (unsigned long)(part * 10000 / whole) : 0;
	char *b = buf[n++ & 1];
	snprintf(b, sizeof(buf[0]), "%lu.%02lu%%", x / 100, x % 100);
	return b;
}

static const char *onoff(unsigned flags, unsigned bit)
{
	return flags & bit ? "on" : "off";
}

int main(int argc, char **argv)
{
	struct sx_stab st;
	struct sx_acct a;
	util_init(argc, argv);
	if (argc != 1)
		usage("");
	if (sx_stab(&st) < 0 || sx_acct(&a) < 0) {
		warn_msg("%s", strerror(errno));
		return 1;
	}
	printf("mechanisms: checker %s, rom %s, nmi %s, watchdog %s\n",
	       onoff(st.flags, SX_STAB_CHECK), onoff(st.flags, SX_STAB_ROM),
	       onoff(st.flags, SX_STAB_NMI), onoff(st.flags, SX_STAB_WDT));
	printf("sweeps %u  nmis %u  repairs %u\n", st.sweeps, st.nmis, st.total);
	printf("checker: %s of kernel time (%llu of %llu tsc in %u slices, "
	       "longest %u), nmi %s (%llu tsc), full sweep every %u ticks\n",
	       percent(a.check, a.tsc - a.boot), a.check, a.tsc - a.boot, a.check_runs,
	       a.check_max, percent(a.nmi, a.tsc - a.boot), a.nmi, a.sweep_ticks);
	printf("kernel started at tsc %llu\n", a.boot);
	for (int i = 0; i < st.ncounters; i++)
		printf("%-12s %u\n", st.names[i], st.count[i]);
	return 0;
}
