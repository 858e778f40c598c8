/*
 * glue.c - TEST-ONLY system-call glue that lets tests/newlib/libctest link
 * against newlib and run as a plain libsys service.  It is NOT the C
 * library's system-call layer: that is lib/libc (messages to PM and VFS),
 * see docs/newlib.md for what it must provide.
 *
 * Names: newlib configured for i686-elf builds with MISSING_SYSCALL_NAMES
 * (newlib/configure.host gives it to every target without a syscall
 * directory), so its reentrant wrappers (_write_r, _sbrk_r, ...) call the
 * POSIX names write, sbrk, fstat... rather than libgloss's _write, _sbrk.
 * The list below is every such name that libc.a leaves undefined, plus
 * _exit.
 *
 * What this glue does:
 *   sbrk     hands out a static 1 MiB arena (ENOMEM when it is used up);
 *   write    fd 1 and 2 go to the kernel log through sys_diag (52 bytes
 *            per call); other fds fail with EBADF;
 *   fstat,   fd 0..2 look like a terminal (a character device, isatty 1),
 *   isatty   so that newlib line-buffers stdout and no output is lost if
 *            the program dies; other fds fail with EBADF;
 *   _exit    sys_exit;
 *   the rest fail with ENOSYS.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include "libsys.h"     /* after newlib's headers: errnums.h uses the same E* values */

#define ARENA_SIZE (1024 * 1024)

static unsigned char arena[ARENA_SIZE] __attribute__((aligned(16)));
static size_t arena_used;

void *sbrk(ptrdiff_t incr)
{
    size_t old = arena_used;
    if (incr < 0 ? (size_t)-incr > old : (size_t)incr > ARENA_SIZE - old) {
        errno = ENOMEM;
        return (void *)-1;
    }
    arena_used = old + incr;
    return arena + old;
}

ssize_t write(int fd, const void *buf, size_t len)
{
    const char *p = buf;
    size_t done = 0;
    if (fd != 1 && fd != 2) {
        errno = EBADF;
        return -1;
    }
    while (done < len) {
        uint32_t n = len - done > 52 ? 52 : (uint32_t)(len - done);
        if (sys_diag(p + done, n) != OK) {
            if (done > 0)
                break;
            errno = EIO;
            return -1;
        }
        done += n;
    }
    return (ssize_t)done;
}

int fstat(int fd, struct stat *st)
{
    if (fd < 0 || fd > 2) {
        errno = EBADF;
        return -1;
    }
    *st = (struct stat){ .st_mode = S_IFCHR | 0620 };
    return 0;
}

int isatty(int fd)
{
    if (fd >= 0 && fd <= 2)
        return 1;
    errno = EBADF;
    return 0;
}

void _exit(int status)
{
    sys_exit(status);
}

/* Everything else: not available to this test program. */
static int nosys(void)
{
    errno = ENOSYS;
    return -1;
}

ssize_t read(int fd, void *buf, size_t len) { return nosys(); }
int open(const char *path, int flags, ...) { return nosys(); }
int close(int fd) { return nosys(); }
off_t lseek(int fd, off_t off, int whence) { return nosys(); }
int stat(const char *path, struct stat *st) { return nosys(); }
int link(const char *old, const char *new) { return nosys(); }
int unlink(const char *path) { return nosys(); }
int mkdir(const char *path, mode_t mode) { return nosys(); }
int fcntl(int fd, int cmd, ...) { return nosys(); }
pid_t getpid(void) { return nosys(); }
int kill(pid_t pid, int sig) { return nosys(); }
pid_t fork(void) { return nosys(); }
int execve(const char *path, char *const argv[], char *const envp[]) { return nosys(); }
pid_t wait(int *status) { return nosys(); }
clock_t times(struct tms *t) { return (clock_t)nosys(); }
int gettimeofday(struct timeval *tv, void *tz) { return nosys(); }
