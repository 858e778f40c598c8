/*
 * trap.c - where every entry into the kernel lands.
 *
 * trap_user: the frame is the current process's saved registers.  IPC
 * traps try the fast path (ipc_fast.c) first, then set its eax (unless
 * the process is gone); IRQs go to irq.c;
 * "device not available" hands the FPU over (fpu.c); a fault raised by
 * a damaged IDT gate is repaired and the process goes on
 * (through_bad_gate); any other CPU exception ends only that process
 * with a one-line report.  Then the
 * scheduler picks who runs next.
 * trap_kernel: only the idle loop runs with interrupts enabled, so only
 * IRQs may arrive here; anything else is a kernel bug: it panics, or
 * with the checker on (stabilize.h) the kernel repairs itself and goes on.
 */
#include "kernel.h"
#include "proc.h"
#include "stabilize.h"

static const char *const exc_names[NR_EXCEPTIONS] = {
    "divide error", "debug", "NMI", "breakpoint", "overflow",
    "bound range", "invalid opcode", "device not available",
    "double fault", "coprocessor overrun", "invalid TSS",
    "segment not present", "stack fault", "general protection",
    "page fault", "reserved", "x87 error", "alignment check",
    "machine check", "SIMD error", "virtualization", "control protection",
};

static const char *exc_name(uint32_t v)
{
    return v < NR_EXCEPTIONS && exc_names[v] ? exc_names[v] : "reserved";
}

/* A #GP or #NP raised while the CPU delivered an interrupt through an
 * IDT gate (error code bit 1): if the checker finds the gate (or another
 * CPU table) damaged, it puts it right and whatever was interrupted goes
 * on; the interrupt is still pending and comes through the mended gate.
 * A sound gate means the fault is the code's own (a program's `int $n`
 * on a kernel gate).  With the checker off nothing is repaired. */
static int through_bad_gate(const struct trapframe *tf)
{
    return (tf->vector == 13 || tf->vector == 11) && (tf->err & 2) && check_cpu(0) > 0;
}

/* A ring-3 exception: report it in one line and end the process. */
void proc_fault(struct proc *p, struct trapframe *tf)
{
    p->fault_addr = tf->vector == 14 ? read_cr2() : 0;
    kprintf("kernel: exception in %s ep=%d vec=%u (%s) eip=0x%08x cr2=0x%08x err=0x%x\n",
            p->name, p->endpoint, tf->vector, exc_name(tf->vector), tf->eip,
            p->fault_addr, tf->err);
    proc_exit(p, KSIG_EXCEPTION, (int)tf->vector);
}

void trap_user(struct trapframe *tf)
{
    struct proc *p = current;
    if (!p || tf != &p->regs)
        panic("trap from user mode without a current process");
    if (tf->vector >= IRQ_BASE && tf->vector < IRQ_BASE + NR_IRQS) {
        irq_handle((int)tf->vector - IRQ_BASE);
    } else if (tf->vector == 7) {
        fpu_trap(p);                    /* first FPU use since a switch */
    } else if (!through_bad_gate(tf)) {
        proc_fault(p, tf);
    }
    schedule();
}

void trap_kernel(struct trapframe *tf)
{
    if (tf->vector >= IRQ_BASE && tf->vector < IRQ_BASE + NR_IRQS) {
        irq_handle((int)tf->vector - IRQ_BASE);
        return;
    }
    if (tf->vector == 7) {
        /* #NM in the kernel: only fpu.c runs FPU instructions, with TS
         * clear, and an NMI in between sets TS again (every task switch
         * does, the return from the NMI task too).  Clear it and let the
         * instruction run again. */
        fpu_write_ts(0);
        return;
    }
    if (through_bad_gate(tf))
        return;
    if (stab_on(STAB_CHECK))
        stab_kernel_fault(tf->vector, tf->eip);     /* repairs, does not return */
    panic("kernel exception %u (%s) at eip=0x%08x err=0x%x cr2=0x%08x "
          "eax=%08x ebx=%08x ecx=%08x edx=%08x esi=%08x edi=%08x ebp=%08x",
          tf->vector, exc_name(tf->vector), tf->eip, tf->err, read_cr2(),
          tf->eax, tf->ebx, tf->ecx, tf->edx, tf->esi, tf->edi, tf->ebp);
}
