/*
 * poweroff.c - /bin/poweroff: power the machine off (sx_shutdown(SX_POWEROFF)).  No arguments.
 * Does not return on success; otherwise "poweroff: <strerror>", status 1.
 */
#include <errno.h>
#include <string.h>
#include "stabilix.h"
#include "util.h"

int main(int argc, char **argv)
{
	util_init(argc, argv);
	if (argc != 1)
		usage("");
	sx_shutdown(SX_POWEROFF);
	warn_msg("%s", strerror(errno));
	return 1;
}
