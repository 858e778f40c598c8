/*
 * fpu.c - per-process x87/SSE state, switched lazily.
 *
 * The FPU holds the state of fpu_owner (or nobody).  Switching to any
 * other process sets CR0.TS, so its first FPU instruction traps (#NM, vector
 * 7); then the owner's state is saved into its table entry, the new
 * process's state is loaded (or a clean one on its first use: clean_fx,
 * so nothing of the last owner shows through) and it becomes the owner.  Processes that never touch the FPU cost nothing.
 * fxsave/fxrstor when the CPU has FXSR, fnsave/frstor otherwise.
 * CR0.TS is written only when it changes (fpu_ts_on caches it, and
 * fpu_switch in proc.h runs on every switch: only the owner may use the
 * FPU without a trap); a hardware
 * task switch (the NMI task) may set it behind our back, so the #NM
 * handler clears it unconditionally, and the checker repairs a TS that
 * is clear where fpu_ts_on says set (fpu_ts_check).
 * The kernel itself never uses the FPU (-mgeneral-regs-only).
 * A signal handler starts with a clean state (fpu_reset); the interrupted
 * code's goes into the signal frame and comes back on sigreturn (fpu_set,
 * with MXCSR cut to the bits the CPU takes, so fxrstor cannot fault).
 */
#include "kernel.h"
#include "proc.h"

struct proc *fpu_owner;            /* whose state the FPU holds, or NULL */

/* A first use starts from this image: fninit's x87 state (control word
 * 0x037f, all registers empty) and SSE's reset state (XMM0-7 zero, MXCSR
 * 0x1f80).  fninit alone would leave the last owner's XMM registers and
 * MXCSR for the next process to read. */
static const struct {
    uint16_t fcw, fsw;
    uint8_t ftw, pad[19];
    uint32_t mxcsr, mxcsr_mask;
    uint8_t rest[480];
} clean_fx __attribute__((aligned(16))) = { .fcw = 0x037f, .mxcsr = 0x1f80 };
_Static_assert(sizeof(clean_fx) == 512, "the fxsave image is 512 bytes");
static int has_fxsr;
static uint32_t mxcsr_ok;           /* MXCSR bits fxrstor takes (fpu_init) */
int fpu_ts_on;                      /* what we last wrote to CR0.TS */

void fpu_init(void)
{
    uint32_t a = 1, b, c, d, cr0, cr4;
    __asm__ volatile("cpuid" : "+a"(a), "=b"(b), "=c"(c), "=d"(d));
    has_fxsr = (d >> 24) & 1;
    __asm__ volatile("mov %%cr0, %0" : "=r"(cr0));
    cr0 = (cr0 | 0x22) & ~0x4u;                 /* MP, NE on; EM off */
    __asm__ volatile("mov %0, %%cr0" : : "r"(cr0));
    if (has_fxsr && ((d >> 25) & 1)) {          /* SSE: OSFXSR, OSXMMEXCPT */
        __asm__ volatile("mov %%cr4, %0" : "=r"(cr4));
        cr4 |= 0x600;
        __asm__ volatile("mov %0, %%cr4" : : "r"(cr4));
    }
    __asm__ volatile("fninit");
    if (has_fxsr) {                 /* MXCSR_MASK; 0 means 0xffbf (Intel SDM vol. 1, 11.6.6) */
        static uint8_t probe[512] __attribute__((aligned(16)));
        __asm__ volatile("fxsave %0" : "=m"(probe));
        memcpy(&mxcsr_ok, probe + 28, 4);
        if (!mxcsr_ok)
            mxcsr_ok = 0xffbf;
    }
}

void fpu_write_ts(int on)
{
    uint32_t cr0;
    __asm__ volatile("mov %%cr0, %0" : "=r"(cr0));
    __asm__ volatile("mov %0, %%cr0" : : "r"(on ? cr0 | 0x8 : cr0 & ~0x8u));
    fpu_ts_on = on;
}

/* Checker: TS clear while the running process does not own the FPU would
 * let it use (and see) the owner's registers.  Repairs; 1 if it did. */
int fpu_ts_check(uint32_t cr0)
{
    if (!fpu_ts_on || (cr0 & 0x8))
        return 0;
    fpu_write_ts(1);
    return 1;
}

static void save_owner(void)
{
    if (has_fxsr)
        __asm__ volatile("fxsave %0" : "=m"(fpu_owner->fpu));
    else
        __asm__ volatile("fnsave %0; fwait" : "=m"(fpu_owner->fpu));
}

/* Make p's table entry hold its current FPU state (before copying it). */
void fpu_save(struct proc *p)
{
    if (fpu_owner != p)
        return;
    fpu_write_ts(0);
    save_owner();
    fpu_owner = 0;                  /* fnsave reset the FPU: reload on next use */
}

/* #NM from p: give it the FPU. */
void fpu_trap(struct proc *p)
{
    fpu_write_ts(0);                    /* CR0.TS may differ from fpu_ts_on here */
    if (fpu_owner == p)
        return;                     /* TS set by a task switch (the NMI task) */
    if (fpu_owner)
        save_owner();
    if (!p->fpu_used && has_fxsr) {
        __asm__ volatile("fxrstor %0" : : "m"(clean_fx));  /* XMM and MXCSR too */
        p->fpu_used = 1;
    } else if (!p->fpu_used) {
        __asm__ volatile("fninit");
        p->fpu_used = 1;
    } else if (has_fxsr) {
        __asm__ volatile("fxrstor %0" : : "m"(p->fpu));
    } else {
        __asm__ volatile("frstor %0" : : "m"(p->fpu));
    }
    fpu_owner = p;
}

void fpu_reset(struct proc *p)
{
    fpu_forget(p);
    p->fpu_used = 0;
}

/* A signal handler returns: the state its frame kept (user memory, so
 * not trusted: MXCSR is cut to what the CPU takes) becomes p's. */
void fpu_set(struct proc *p, const uint8_t image[512])
{
    fpu_forget(p);
    memcpy(p->fpu, image, sizeof(p->fpu));
    if (has_fxsr) {
        uint32_t mx;
        memcpy(&mx, p->fpu + 24, 4);
        mx &= mxcsr_ok;
        memcpy(p->fpu + 24, &mx, 4);
    }
    p->fpu_used = 1;
}

/* p is going away: its state is no longer worth saving. */
void fpu_forget(struct proc *p)
{
    if (fpu_owner == p)
        fpu_owner = 0;
}
