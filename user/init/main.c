/*
 * init - the first user process (started by RS).  For now it greets and
 * then serves nothing; the full init (mounts, shells) comes with the
 * POSIX user land.
 */
#include "sef.h"

static int init_fresh(const struct sef_init *info)
{
    endpoint_t self;
    sys_self(&self, 0);
    printf("init: Stabilix is up (init ep %d, uptime %u ticks)\n", self,
           (unsigned)sys_uptime());
    printf("init: no shell yet; leave QEMU with Ctrl-A x (serial) or close the window.\n");
    return OK;
}

static const struct srv_table nothing = { 0, 0, 0, 0 };

int main(void)
{
    sef_startup(init_fresh, init_fresh);
    server_loop(&nothing);
}
