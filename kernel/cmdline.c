/*
 * cmdline.c - the kernel command line: GRUB's, followed by QEMU's
 * opt/stabilix/cmdline when present.  Words are key=value or key; a later
 * word wins over an earlier one with the same key.
 */
#include "kernel.h"

static char line[512];

void cmdline_init(const char *grub_cmdline)
{
    size_t n = strlcpy(line, grub_cmdline ? grub_cmdline : "", sizeof(line));
    int got;
    if (n >= sizeof(line) - 2)
        return;
    line[n] = ' ';
    got = fwcfg_read_file("opt/stabilix/cmdline", line + n + 1, sizeof(line) - n - 2);
    line[got > 0 ? n + 1 + (size_t)got : n] = '\0';
    kprintf("kernel: command line: %s\n", line);
}

/* Value of the last "key=value" word; returns its length or -1. */
int cmdline_get(const char *key, char *buf, size_t len)
{
    size_t kl = strlen(key);
    int found = -1;
    const char *p = line;
    while (*p) {
        const char *w = p;
        while (*p && *p != ' ')
            p++;
        if ((size_t)(p - w) > kl && strncmp(w, key, kl) == 0 && w[kl] == '=') {
            size_t vl = (size_t)(p - w) - kl - 1;
            if (vl >= len)
                vl = len - 1;
            memcpy(buf, w + kl + 1, vl);
            buf[vl] = '\0';
            found = (int)vl;
        }
        while (*p == ' ')
            p++;
    }
    return found;
}

/* Is 'word' one of the comma-separated items of key's value? */
int cmdline_list_has(const char *key, const char *word)
{
    char val[256];
    size_t wl = strlen(word);
    const char *p = val;
    if (cmdline_get(key, val, sizeof(val)) < 0)
        return 0;
    while (*p) {
        const char *item = p;
        while (*p && *p != ',')
            p++;
        if ((size_t)(p - item) == wl && strncmp(item, word, wl) == 0)
            return 1;
        if (*p)
            p++;
    }
    return 0;
}

/* Is the bare word (no '=value') on the command line? */
int cmdline_has(const char *word)
{
    size_t wl = strlen(word);
    const char *p = line;
    while (*p) {
        const char *w = p;
        while (*p && *p != ' ')
            p++;
        if ((size_t)(p - w) == wl && strncmp(w, word, wl) == 0)
            return 1;
        while (*p == ' ')
            p++;
    }
    return 0;
}
