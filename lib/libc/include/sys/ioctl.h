/*
 * sys/ioctl.h - ioctl for Stabilix's libc (newlib has none for i686-elf).
 * A request number carries its argument's size and direction
 * (VFS_IOC in proto/vfs.h), so libc lends exactly that argument to VFS,
 * which forwards the request to the character device's driver.
 */
#ifndef _SYS_IOCTL_H
#define _SYS_IOCTL_H

#include <sys/termios.h>     /* struct winsize, TIOCGWINSZ (Linux numbers) */

#define _IOC_IN   0x80000000u
#define _IOC_OUT  0x40000000u
#define _IOC(dir, group, num, size) \
    ((unsigned)(dir) | (((unsigned)(size) & 0x1fff) << 16) | ((unsigned)(group) << 8) | (num))
#define _IO(g, n)        _IOC(0, (g), (n), 0)
#define _IOR(g, n, t)    _IOC(_IOC_OUT, (g), (n), sizeof(t))
#define _IOW(g, n, t)    _IOC(_IOC_IN, (g), (n), sizeof(t))
#define _IOWR(g, n, t)   _IOC(_IOC_IN | _IOC_OUT, (g), (n), sizeof(t))

int ioctl(int fd, int request, ...);

#endif
