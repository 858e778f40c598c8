/*
 * mntent.c - reading and writing a mount table file (/etc/fstab's
 * format: fsname dir type opts freq passno, blank-separated, '#'
 * comments).  getmntent's result lives in static storage.
 */
#include <mntent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

FILE *setmntent(const char *file, const char *mode)
{
    return fopen(file, mode);
}

int endmntent(FILE *f)
{
    if (f)
        fclose(f);
    return 1;
}

struct mntent *getmntent_r(FILE *f, struct mntent *m, char *buf, int len)
{
    char *w[6];
    while (fgets(buf, len, f)) {
        int n = 0;
        char *s = buf + strspn(buf, " \t");
        if (*s == '#' || *s == '\n' || !*s)
            continue;
        for (char *t = strtok(s, " \t\n"); t && n < 6; t = strtok(NULL, " \t\n"))
            w[n++] = t;
        if (n < 4)
            continue;
        m->mnt_fsname = w[0];
        m->mnt_dir = w[1];
        m->mnt_type = w[2];
        m->mnt_opts = w[3];
        m->mnt_freq = n > 4 ? atoi(w[4]) : 0;
        m->mnt_passno = n > 5 ? atoi(w[5]) : 0;
        return m;
    }
    return NULL;
}

struct mntent *getmntent(FILE *f)
{
    static struct mntent m;
    static char buf[512];
    return getmntent_r(f, &m, buf, sizeof(buf));
}

int addmntent(FILE *f, const struct mntent *m)
{
    if (fseek(f, 0, SEEK_END) < 0)
        return 1;
    return fprintf(f, "%s %s %s %s %d %d\n", m->mnt_fsname, m->mnt_dir, m->mnt_type,
                   m->mnt_opts, m->mnt_freq, m->mnt_passno) < 0;
}

/* The option opt in m's comma-separated list (whole words only). */
char *hasmntopt(const struct mntent *m, const char *opt)
{
    size_t n = strlen(opt);
    for (char *p = m->mnt_opts; p && *p; ) {
        if (strncmp(p, opt, n) == 0 && (p[n] == 0 || p[n] == ',' || p[n] == '='))
            return p;
        p = strchr(p, ',');
        if (p)
            p++;
    }
    return NULL;
}
