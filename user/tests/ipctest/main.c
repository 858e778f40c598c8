/*
 * ipctest - scripted IPC, grant and privilege tests.  One program, two
 * roles chosen by the label the kernel started it under: "ipcctl" is the
 * controller, every other label is an agent that obeys it (agent.h).
 */
#include "agent.h"

uint32_t checksum(const uint8_t *p, uint32_t len)
{
    uint32_t s = 0x12345678;
    for (uint32_t i = 0; i < len; i++)
        s = (s << 5 | s >> 27) ^ p[i];
    return s;
}

int main(void)
{
    endpoint_t self, ctl;
    char label[16];
    sys_self(&self, label);
    if (strcmp(label, "ipcctl") == 0)
        return ctl_main();
    while (sys_lookup("ipcctl", &ctl) != OK)
        ;
    agent_main(ctl);
    return 0;
}
