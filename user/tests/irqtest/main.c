/*
 * irqtest - a tiny driver for COM2's transmitter: IRQ 3 must arrive as a
 * notification from HARDWARE, stay masked until the driver re-enables the
 * line with sys_irqctl, and arrive again after that.  COM2 raises IRQ 3
 * whenever its transmit register is empty and that interrupt is enabled,
 * so no outside input is needed (QEMU: a second -serial).
 */
#include "libsys.h"

#define COM2 0x2f8
#define ROUNDS 20

static int fails;

static void check(int cond, const char *what)
{
    fails += !cond;
    printf("%s - %s\n", cond ? "ok" : "not ok", what);
}

/* Wait up to 'ticks' for a HARDWARE notification; returns its IRQ bits. */
static uint32_t wait_irq(uint32_t ticks)
{
    message m;
    sys_setalarm(ticks);
    for (;;) {
        if (ipc_receive(ANY, &m) != OK)
            return 0;
        if (m.m_source == HARDWARE) {
            sys_setalarm(0);
            return m.m.u32[0];
        }
        if (m.m_source == SYSTEM && (m.m.u32[0] & SYSEV_ALARM))
            return 0;
    }
}

static void kick(void)
{
    uint32_t iir;
    sys_inb(COM2 + 2, &iir);            /* reading IIR acknowledges THRE */
    sys_outb(COM2, 'x');                /* transmit: THRE comes back soon */
}

int main(void)
{
    int got = 0;
    check(sys_irqctl(IRQ_SUBSCRIBE, 3) == OK, "subscribe to IRQ 3");
    check(sys_irqctl(IRQ_ENABLE, 3) == OK, "enable IRQ 3");
    sys_outb(COM2 + 1, 0x02);           /* IER: transmitter-empty interrupt */
    for (int i = 0; i < ROUNDS; i++) {
        if (!(wait_irq(100) & (1u << 3)))
            break;
        got++;
        kick();
        sys_irqctl(IRQ_ENABLE, 3);
    }
    printf("irqtest: %d of %d interrupts arrived as notifications\n", got, ROUNDS);
    check(got == ROUNDS, "every interrupt arrived after re-enabling the line");
    check(wait_irq(100) & (1u << 3), "one more interrupt is pending for the masked line");
    kick();
    check(wait_irq(30) == 0, "no notification while the line stays masked");
    check(sys_irqctl(IRQ_ENABLE, 3) == OK, "re-enable the line");
    check(wait_irq(100) & (1u << 3), "the interrupt arrives once the line is enabled");
    sys_outb(COM2 + 1, 0x00);
    printf("irqtest: %s\n", fails ? "FAIL" : "PASS");
    sys_shutdown(SD_POWEROFF, fails != 0);
    return 0;
}
