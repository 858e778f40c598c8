/*
 * passwd.c - the user and group databases, /etc/passwd and /etc/group:
 * getpwnam getpwuid getpwent setpwent endpwent, getgrnam getgrgid
 * getgrent setgrent endgrent.  passwd lines are
 * name:password:uid:gid:gecos:home:shell, group lines name:password:gid:
 * member,member...  Lines that do not parse are skipped.  Results live
 * in static storage, overwritten by the next call of the same family
 * (POSIX allows it).
 */
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LINE 512
#define MAX_MEMBERS 32

static FILE *pw_file, *gr_file;
static char pw_line[LINE], gr_line[LINE];
static struct passwd pw;
static struct group gr;
static char *gr_mem[MAX_MEMBERS + 1];

/* Split line at ':' into exactly n fields; 0 when it has fewer. */
static int split(char *line, char **f, int n)
{
    line[strcspn(line, "\n")] = 0;
    for (int k = 0; k < n; k++) {
        f[k] = line;
        line = strchr(line, ':');
        if (!line)
            return k == n - 1;
        if (k < n - 1)
            *line++ = 0;
    }
    return 1;
}

static int number(const char *s, long *out)
{
    char *end;
    if (!*s)
        return 0;
    *out = strtol(s, &end, 10);
    return *end == 0 && *out >= 0;
}

static struct passwd *pw_next(FILE *f)
{
    char *x[7];
    long uid, gid;
    while (fgets(pw_line, sizeof(pw_line), f)) {
        if (!split(pw_line, x, 7) || !number(x[2], &uid) || !number(x[3], &gid))
            continue;
        pw = (struct passwd){ .pw_name = x[0], .pw_passwd = x[1], .pw_uid = (uid_t)uid,
                              .pw_gid = (gid_t)gid, .pw_gecos = x[4], .pw_dir = x[5],
                              .pw_shell = x[6] };
        return &pw;
    }
    return NULL;
}

static struct group *gr_next(FILE *f)
{
    char *x[4];
    long gid;
    while (fgets(gr_line, sizeof(gr_line), f)) {
        int n = 0;
        if (!split(gr_line, x, 4) || !number(x[2], &gid))
            continue;
        for (char *m = strtok(x[3], ","); m && n < MAX_MEMBERS; m = strtok(NULL, ","))
            gr_mem[n++] = m;
        gr_mem[n] = NULL;
        gr = (struct group){ .gr_name = x[0], .gr_passwd = x[1], .gr_gid = (gid_t)gid,
                             .gr_mem = gr_mem };
        return &gr;
    }
    return NULL;
}

/* The first passwd entry with this name (name) or this uid (name NULL). */
static struct passwd *pw_find(const char *name, uid_t uid)
{
    FILE *f = fopen("/etc/passwd", "r");
    struct passwd *p;
    if (!f)
        return NULL;
    while ((p = pw_next(f)) && (name ? strcmp(p->pw_name, name) != 0 : p->pw_uid != uid))
        ;
    fclose(f);
    return p;
}

static struct group *gr_find(const char *name, gid_t gid)
{
    FILE *f = fopen("/etc/group", "r");
    struct group *g;
    if (!f)
        return NULL;
    while ((g = gr_next(f)) && (name ? strcmp(g->gr_name, name) != 0 : g->gr_gid != gid))
        ;
    fclose(f);
    return g;
}

struct passwd *getpwnam(const char *name) { return pw_find(name, 0); }
struct passwd *getpwuid(uid_t uid) { return pw_find(NULL, uid); }
struct group *getgrnam(const char *name) { return gr_find(name, 0); }
struct group *getgrgid(gid_t gid) { return gr_find(NULL, gid); }

struct passwd *getpwent(void)
{
    if (!pw_file && !(pw_file = fopen("/etc/passwd", "r")))
        return NULL;
    return pw_next(pw_file);
}

void setpwent(void)
{
    if (pw_file)
        rewind(pw_file);
}

void endpwent(void)
{
    if (pw_file)
        fclose(pw_file);
    pw_file = NULL;
}

struct group *getgrent(void)
{
    if (!gr_file && !(gr_file = fopen("/etc/group", "r")))
        return NULL;
    return gr_next(gr_file);
}

void setgrent(void)
{
    if (gr_file)
        rewind(gr_file);
}

void endgrent(void)
{
    if (gr_file)
        fclose(gr_file);
    gr_file = NULL;
}
