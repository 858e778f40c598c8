/*
 * wdt.c - the locked hardware watchdog: QEMU's i6300esb (PCI 8086:25ab).
 *
 * Found by scanning bus 0 through the 0xcf8/0xcfc configuration ports.
 * Timer 1 and 2 each run ~WDT_MS milliseconds (1 kHz scale); when both
 * expire the board resets.  The lock bit is set at boot, so nothing can
 * switch it off again.  Only the NMI handler kicks it (nmi.c), and only
 * while the kernel makes progress: a state no software can leave ends in
 * a reset and a clean boot.  Its 4 MiB of MMIO is mapped at WDT_VA.
 */
#include "kernel.h"
#include "arch.h"
#include "mm.h"
#include "stabilize.h"

#define WDT_MS 1000
#define WDT_SCALE 0x00             /* config bit 2 clear: 1 kHz prescaler (~1 ms) */
#define ESB_CONFIG 0x60
#define ESB_LOCK   0x68
#define ESB_RELOAD 0x0c

uint32_t wdt_pde;                       /* kpd_template(PDX(WDT_VA)) */
static volatile uint8_t *regs;

static uint32_t pci_read(uint32_t dev, uint32_t off)
{
    outl(0xcf8, 0x80000000u | dev << 11 | (off & 0xfc));
    return inl(0xcfc);
}

static void pci_write(uint32_t dev, uint32_t off, uint32_t v)
{
    outl(0xcf8, 0x80000000u | dev << 11 | (off & 0xfc));
    outl(0xcfc, v);
}

static void pci_write16(uint32_t dev, uint32_t off, uint16_t v)
{
    outl(0xcf8, 0x80000000u | dev << 11 | (off & 0xfc));
    outw((uint16_t)(0xcfc + (off & 2)), v);
}

static void pci_write8(uint32_t dev, uint32_t off, uint8_t v)
{
    outl(0xcf8, 0x80000000u | dev << 11 | (off & 0xfc));
    outb((uint16_t)(0xcfc + (off & 3)), v);
}

static void unlock(void)
{
    *(volatile uint16_t *)(regs + ESB_RELOAD) = 0x80;
    *(volatile uint16_t *)(regs + ESB_RELOAD) = 0x86;
}

void wdt_kick(void)
{
    if (!regs)
        return;
    unlock();
    *(volatile uint16_t *)(regs + ESB_RELOAD) = 0x100;
}

void wdt_init(void)
{
    uint32_t dev, bar;
    for (dev = 0; dev < 32 && pci_read(dev, 0) != 0x25ab8086u; dev++)
        ;
    if (dev == 32) {
        kprintf("stab: no i6300esb watchdog found\n");
        return;
    }
    bar = pci_read(dev, 0x10) & ~0xfu;
    if (bar < kernel_mem_top || bar >= 0xfec00000u) {
        kprintf("stab: i6300esb BAR 0x%08x not usable\n", bar);
        return;
    }
    pci_write(dev, 0x04, pci_read(dev, 0x04) | 0x2);       /* memory space on */
    wdt_pde = (bar & ~0x3fffffu) | PTE_P | PTE_W | PTE_PS | PTE_PCD | 0x8;
    kernel_pgdir[PDX(WDT_VA)] = wdt_pde;
    write_cr3(read_cr3());
    regs = (volatile uint8_t *)(WDT_VA + (bar & 0x3fffff));
    pci_write16(dev, ESB_CONFIG, WDT_SCALE | 0x03);   /* 1 kHz, no interrupt, reboot on */
    unlock();
    *(volatile uint32_t *)(regs + 0) = WDT_MS;
    unlock();
    *(volatile uint32_t *)(regs + 4) = WDT_MS;
    wdt_kick();
    pci_write8(dev, ESB_LOCK, 0x01 | 0x02);     /* enabled and locked */
    kprintf("stab: i6300esb watchdog at 0x%08x, %u ms per stage, locked\n", bar, WDT_MS);
}
