/*
 * stabilize.c - /bin/stabilize: the state of self-stabilization: which
 * mechanisms are on (boot options stab=off, nocheck, norom, nonmi, nowdt),
 * the checker's full sweeps, the watchdog NMIs, and how many times each
 * kernel structure was found broken and repaired:
 *   mechanisms: checker on, rom on, nmi on, watchdog on
 *   sweeps 123  nmis 456  repairs 0
 *   rom          0
 *   ...
 * No arguments.  Errors: "stabilize: <strerror>", status 1.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "stabilix.h"
#include "util.h"

static const char *onoff(unsigned flags, unsigned bit)
{
	return flags & bit ? "on" : "off";
}

int main(int argc, char **argv)
{
	struct sx_stab st;
	util_init(argc, argv);
	if (argc != 1)
		usage("");
	if (sx_stab(&st) < 0) {
		warn_msg("%s", strerror(errno));
		return 1;
	}
	printf("mechanisms: checker %s, rom %s, nmi %s, watchdog %s\n",
	       onoff(st.flags, SX_STAB_CHECK), onoff(st.flags, SX_STAB_ROM),
	       onoff(st.flags, SX_STAB_NMI), onoff(st.flags, SX_STAB_WDT));
	printf("sweeps %u  nmis %u  repairs %u\n", st.sweeps, st.nmis, st.total);
	for (int i = 0; i < st.ncounters; i++)
		printf("%-12s %u\n", st.names[i], st.count[i]);
	return 0;
}
