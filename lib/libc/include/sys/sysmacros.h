/*
 * sys/sysmacros.h - a device number's major and minor (VFS's dev_t:
 * major in bits 8-15, minor in bits 0-7, as st_rdev carries them).
 */
#ifndef STABILIX_SYS_SYSMACROS_H
#define STABILIX_SYS_SYSMACROS_H

#define major(dev)        ((unsigned)(((dev) >> 8) & 0xff))
#define minor(dev)        ((unsigned)((dev) & 0xff))
#define makedev(maj, min) ((dev_t)((((maj) & 0xff) << 8) | ((min) & 0xff)))

#endif
