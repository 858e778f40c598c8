/*
 * init - the first user process.  For now it greets, lists the boot log
 * facts it can see and waits for events; the full init (mounts, shells)
 * comes with the POSIX user land.
 */
#include "libsys.h"

int main(void)
{
    endpoint_t self;
    message m;
    sys_self(&self, 0);
    printf("init: Stabilix is up (init ep %d, uptime %u ticks)\n", self,
           (unsigned)sys_uptime());
    printf("init: no shell yet; power off with Ctrl-A x (serial) or close the window.\n");
    for (;;)
        ipc_receive(ANY, &m);
}
