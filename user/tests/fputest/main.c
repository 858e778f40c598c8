/*
 * fputest - FPU state is per process.  fpu_a and fpu_b each keep a running
 * sum on the x87 register stack through millions of additions (fpu_a adds
 * 1, fpu_b adds 2) while the scheduler preempts them every 2 ticks; each
 * reports its total to fpuctl.  If the kernel did not save and restore
 * the FPU on switches, the sums would mix.  (Written in x87 assembly:
 * programs are compiled with -mgeneral-regs-only.)
 */
#include "libsys.h"

#define ADDS (1u << 23)

static uint32_t sum_ones(int twos)
{
    uint32_t result, n = ADDS;
    __asm__ volatile(
        "fldz\n\t"
        "1: fld1\n\t"
        "test %2, %2\n\t"
        "jz 2f\n\t"
        "fadd %%st(0), %%st(0)\n"       /* 2.0 instead of 1.0 */
        "2: faddp\n\t"
        "dec %1\n\t"
        "jnz 1b\n\t"
        "fistpl %0"
        : "=m"(result), "+r"(n) : "r"(twos) : "memory", "cc");
    return result;
}

static void control(void)
{
    message m;
    int ok = 1;
    for (int i = 0; i < 2; i++) {
        if (ipc_receive(ANY, &m) != OK)
            continue;
        uint32_t want = m.m.u32[1] ? 2 * ADDS : ADDS;
        printf("fputest: %s summed %u (expected %u)\n", m.m.u32[1] ? "fpu_b" : "fpu_a",
               m.m.u32[0], want);
        ok &= m.m.u32[0] == want;
    }
    printf("fputest: %s\n", ok ? "PASS" : "FAIL");
    sys_shutdown(SD_POWEROFF, !ok);
}

int main(void)
{
    char label[16];
    endpoint_t self, ctl;
    message m;
    sys_self(&self, label);
    if (strcmp(label, "fpuctl") == 0)
        control();
    sys_lookup("fpuctl", &ctl);
    memset(&m, 0, sizeof(m));
    m.m.u32[1] = strcmp(label, "fpu_b") == 0;
    m.m.u32[0] = sum_ones((int)m.m.u32[1]);
    ipc_send(ctl, &m);
    return 0;
}
