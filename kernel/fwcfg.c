/*
 * fwcfg.c - read a named file from QEMU's fw_cfg device (ports 0x510/0x511).
 * Used to pass test options on the kernel command line without rebuilding
 * the ISO (-fw_cfg name=opt/stabilix/cmdline,string=...).  On a real PC
 * the signature check fails and nothing else is touched.
 */
#include "kernel.h"

#define FW_SEL   0x510
#define FW_DATA  0x511
#define FW_SIG   0x0000
#define FW_DIR   0x0019

static void fw_read(void *buf, uint32_t len)
{
    uint8_t *b = buf;
    for (uint32_t i = 0; i < len; i++)
        b[i] = inb(FW_DATA);
}

static uint32_t be32(const uint8_t *b)
{
    return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

int fwcfg_present(void)
{
    char sig[4];
    outw(FW_SEL, FW_SIG);
    fw_read(sig, 4);
    return sig[0] == 'Q' && sig[1] == 'E' && sig[2] == 'M' && sig[3] == 'U';
}

int fwcfg_read_file(const char *name, char *buf, size_t len)
{
    uint8_t hdr[4], ent[64];
    uint32_t count, size;
    if (!fwcfg_present())
        return -1;
    outw(FW_SEL, FW_DIR);
    fw_read(hdr, 4);
    count = be32(hdr);
    for (uint32_t i = 0; i < count && i < 4096; i++) {
        fw_read(ent, 64);
        ent[63] = 0;
        if (strcmp((char *)ent + 8, name) != 0)
            continue;
        size = be32(ent);
        if (size > len)
            size = (uint32_t)len;
        outw(FW_SEL, (uint16_t)(ent[4] << 8 | ent[5]));
        fw_read(buf, size);
        return (int)size;
    }
    return -1;
}
