/*
 * dstest - scripted tests of the data store (servers/ds).  One program,
 * several roles chosen by the label the kernel started it under:
 * "dstest" is the controller, which runs the scenario named by the
 * command line's dstest=<name>; every other label (dsother, dssub,
 * dsunpriv) is an agent that obeys it (agent.h).
 */
#include "agent.h"

int main(void)
{
    endpoint_t self, ctl;
    char label[16];
    sys_self(&self, label);
    if (strcmp(label, "dstest") == 0)
        return ctl_main();
    while (sys_lookup("dstest", &ctl) != OK)
        ;
    agent_main(ctl);
    return 0;
}
