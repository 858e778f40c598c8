/*
 * dmesg.c - /bin/dmesg: print the kernel log (what the kernel and the
 * services wrote with the kernel's diagnostics call), from the oldest
 * byte still kept.  No arguments.  Errors: "dmesg: <strerror>", status 1.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "stabilix.h"
#include "util.h"

int main(int argc, char **argv)
{
	util_init(argc, argv);
	if (argc != 1)
		usage("");
	char buf[1024];
	unsigned offset = 0;
	int n;
	while ((n = sx_klog(buf, sizeof buf, &offset)) > 0)
		if (write_all(1, buf, (unsigned long)n) < 0) {
			warn_file("stdout");
			return 1;
		}
	if (n < 0) {
		warn_msg("%s", strerror(errno));
		return 1;
	}
	return 0;
}
