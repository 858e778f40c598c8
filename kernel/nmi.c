/*
 * nmi.c - the watchdog NMI and the NMI and double-fault tasks.
 *
 * The PIT's output reaches IO-APIC pin 2 as well as the 8259; pin 2's
 * redirection entry is set to NMI delivery, so every clock period brings
 * an NMI that cli cannot mask.  The 8259 keeps delivering the normal
 * IRQs.  Both the NMI handler and the clock path rewrite the entry when
 * it differs (check_ioapic).
 * The NMI (vector 2) and the double fault (vector 8) are task gates: each
 * runs on its own TSS and stack, so a corrupted ESP, esp0 or kernel stack
 * cannot stop them.  The NMI handler is bounded: it checks the constant
 * CPU state, and if the clock has not advanced for STUCK_NMIS NMIs it
 * forces recovery: the interrupted (main) task is redirected to
 * stab_recover_entry, which takes a fresh kernel stack, runs every
 * checker and schedules.  After MAX_RECOVERIES recoveries without the
 * clock moving it reboots.  It kicks the hardware watchdog only while the
 * kernel makes progress.  A double fault always forces recovery.
 */
#include "kernel.h"
#include "arch.h"
#include "proc.h"
#include "mm.h"
#include "stabilize.h"

#define STUCK_NMIS 30                   /* 0.3 s without a clock tick */
#define MAX_RECOVERIES 5
#define PIT_PIN 2
#define REDIR_NMI 0x00000402u           /* NMI delivery, edge, high, unmasked */

struct tss nmi_tss __attribute__((aligned(128)));
struct tss df_tss __attribute__((aligned(128)));
uint8_t nmi_stack[4096] __attribute__((aligned(16)));
uint8_t df_stack[4096] __attribute__((aligned(16)));
uint32_t nmi_count;
static uint32_t last_ticks, stuck, recoveries, armed;
extern uint8_t *const kernel_stack_top;
void nmi_task_entry(void), df_task_entry(void), stab_recover_entry(void);

__asm__(".text\n"
        "nmi_task_entry:\n"
        "  mov $nmi_stack + 4096, %esp\n"
        "  call nmi_handle\n"
        "  iret\n"
        "  jmp nmi_task_entry\n"
        "df_task_entry:\n"
        "  mov $df_stack + 4096, %esp\n"
        "  call df_handle\n"
        "  iret\n"
        "  jmp df_task_entry\n"
        "stab_recover_entry:\n"
        "  mov kernel_stack_top, %esp\n"
        "  mov $0x10, %eax\n"
        "  mov %eax, %ds\n  mov %eax, %es\n  mov %eax, %fs\n  mov %eax, %gs\n"
        "  call stab_recover\n");

static volatile uint32_t *ioapic(void)
{
    return (volatile uint32_t *)(IOAPIC_VA + (IOAPIC_PHYS & 0x3fffff));
}

static uint32_t ioapic_read(uint32_t reg)
{
    ioapic()[0] = reg;
    return ioapic()[4];
}

static void ioapic_write(uint32_t reg, uint32_t v)
{
    ioapic()[0] = reg;
    ioapic()[4] = v;
}

/* Pin 2 must be an unmasked NMI entry for APIC 0; the register select is
 * saved and restored, because the NMI may interrupt the clock path. */
int check_ioapic(void)
{
    uint32_t sel, lo, hi;
    int n = 0;
    if (!stab_on(STAB_NMI))
        return 0;
    sel = ioapic()[0];
    lo = ioapic_read(0x10 + 2 * PIT_PIN);
    hi = ioapic_read(0x11 + 2 * PIT_PIN);
    if (lo != REDIR_NMI || (hi >> 24) != 0) {
        if (armed)
            stab_repair(SC_IOAPIC, "NMI entry was %08x:%08x; re-armed", hi, lo);
        else
            kprintf("stab: watchdog NMI armed (IO-APIC pin %d)\n", PIT_PIN);
        ioapic_write(0x11 + 2 * PIT_PIN, 0);
        ioapic_write(0x10 + 2 * PIT_PIN, REDIR_NMI);
        n = armed++ ? 1 : 0;
    }
    ioapic()[0] = sel;
    return n;
}

void nmi_mask_for_test(void)
{
    ioapic_write(0x10 + 2 * PIT_PIN, REDIR_NMI | 0x10000);
}

static void task_init(struct tss *t, void (*entry)(void), uint8_t *stack_top)
{
    memset(t, 0, TASK_TSS_SIZE);
    t->eip = (uint32_t)entry;
    t->esp = t->esp0 = (uint32_t)stack_top;
    t->cs = KCODE_SEL;
    t->ss = t->ss0 = t->ds = t->es = t->fs = t->gs = KDATA_SEL;
    t->eflags = 0x2;
    t->cr3 = (uint32_t)kernel_pgdir;
    t->iomap_base = TASK_TSS_SIZE;
}

void nmi_init(void)
{
    if (kernel_mem_top > IOAPIC_VA) {
        kprintf("stab: no room to map the IO-APIC: watchdog NMI off\n");
        stab_flags &= ~STAB_NMI;
        return;
    }
    kernel_pgdir[PDX(IOAPIC_VA)] = kpd_template(PDX(IOAPIC_VA));
    write_cr3(read_cr3());
    task_init(&nmi_tss, nmi_task_entry, nmi_stack + sizeof(nmi_stack));
    task_init(&df_tss, df_task_entry, df_stack + sizeof(df_stack));
    idt[2] = idt_template(2);
    idt[8] = idt_template(8);
    check_ioapic();                     /* arm it */
}

/* Acknowledge whatever the 8259s have in service: an interrupt whose
 * handler was abandoned must not block its line forever. */
static void pic_ack_all(void)
{
    outb(0xa0, 0x0b);
    if (inb(0xa0))
        outb(0xa0, 0x20);
    outb(0x20, 0x0b);
    if (inb(0x20))
        outb(0x20, 0x20);
}

/* Make the main task resume in stab_recover_entry when this task irets. */
static void redirect_main_task(void)
{
    if (++recoveries > MAX_RECOVERIES)
        power_reboot();                 /* repair did not help: clean warm restart */
    tss.eip = (uint32_t)stab_recover_entry;
    tss.cs = KCODE_SEL;
    tss.ss = tss.ds = tss.es = tss.fs = tss.gs = KDATA_SEL;
    tss.eflags = 0x2;
    tss.esp = (uint32_t)kernel_stack_top;
    tss.cr3 = (uint32_t)kernel_pgdir;
    tss.ldt = 0;
    pic_ack_all();
    stuck = 0;
}

static void nmi_checks(void)
{
    if (!stab_on(STAB_NMI))
        return;                         /* panic or power off: stay down */
    check_ioapic();
    check_cpu(1);
    if (ticks != last_ticks) {
        last_ticks = ticks;
        stuck = 0;
        recoveries = 0;
    } else if (++stuck >= STUCK_NMIS) {
        stab_repair(SC_NMI_RECOVER, "no clock tick for %d NMIs (eip was 0x%08x); "
                    "kernel restarted", stuck, tss.eip);
        redirect_main_task();
        return;
    }
    if (stab_on(STAB_WDT) && stuck < STUCK_NMIS / 2)
        wdt_kick();
}

void nmi_handle(void)
{
    uint64_t t0 = acct_now();
    nmi_count++;
    nmi_checks();
    acct_nmi(t0);
}

void df_handle(void)
{
    stab_repair(SC_DFAULT, "double fault at eip=0x%08x esp=0x%08x; kernel restarted",
                tss.eip, tss.esp);
    check_cpu(2);
    redirect_main_task();
}
