/*
 * faulter - does one forbidden thing, chosen by its label, so that the
 * kernel must kill it and report it while everything else runs on.
 * "survivor" does nothing wrong: it answers calls with value+1.
 */
#include "libsys.h"

static int depth(int n)
{
    volatile char pad[1024];
    if (n > 1000000)            /* 1 GB of stack: never reached */
        return 0;
    pad[0] = (char)n;
    return depth(n + 1) + pad[0];
}

static void survive(void)
{
    message m;
    for (;;) {
        if (ipc_receive(ANY, &m) != OK)
            continue;
        m.m.u32[0]++;
        ipc_sendnb(m.m_source, &m);
    }
}

int main(void)
{
    char label[16];
    endpoint_t self;
    volatile int zero = 0, sink;
    sys_self(&self, label);
    if (strcmp(label, "survivor") == 0)
        survive();
    if (strcmp(label, "fault_kmem") == 0)
        sink = *(volatile int *)0x100000;           /* kernel memory */
    if (strcmp(label, "fault_ktext") == 0)
        *(volatile int *)0x101000 = 1;              /* kernel text */
    if (strcmp(label, "fault_other") == 0)
        sink = *(volatile int *)0xf0000000;         /* the supervisor's mapping */
    if (strcmp(label, "fault_null") == 0)
        sink = *(volatile int *)0;
    if (strcmp(label, "fault_div0") == 0)       /* a real div: gcc rewrites 1/x */
        __asm__ volatile("divl %2" : "=a"(sink) : "a"(1), "r"(zero), "d"(0));
    if (strcmp(label, "fault_ud") == 0)
        __asm__ volatile("ud2");
    if (strcmp(label, "fault_stack") == 0)
        sink = depth(0);
    if (strcmp(label, "fault_priv") == 0)
        __asm__ volatile("cli; hlt");
    (void)sink;
    return 0;               /* only reached if the fault did not happen */
}
