/*
 * uname.c - the system's name.  nodename is the first line of
 * /etc/hostname when that file exists, else "stabilix".
 */
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <sys/utsname.h>

#define STABILIX_RELEASE "0.1"

int uname(struct utsname *u)
{
    int fd, n = 0;
    memset(u, 0, sizeof(*u));
    strcpy(u->sysname, "Stabilix");
    strcpy(u->release, STABILIX_RELEASE);
    strcpy(u->version, "#1 " __DATE__);
    strcpy(u->machine, "i686");
    if ((fd = open("/etc/hostname", O_RDONLY)) >= 0) {
        n = (int)read(fd, u->nodename, sizeof(u->nodename) - 1);
        close(fd);
    }
    u->nodename[n > 0 ? n : 0] = 0;
    u->nodename[strcspn(u->nodename, "\n")] = 0;
    if (!u->nodename[0])
        strcpy(u->nodename, "stabilix");
    return 0;
}

int gethostname(char *name, size_t len)
{
    struct utsname u;
    uname(&u);
    if (strlen(u.nodename) >= len) {
        memcpy(name, u.nodename, len);
        return 0;
    }
    strcpy(name, u.nodename);
    return 0;
}
