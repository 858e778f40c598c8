/*
 * boot.c - start the boot processes, and start RS again when it dies.
 *
 * Every module whose name ends in ".conf" is a service description
 * (lib/common/privconf.h); they are parsed in module order into one
 * table.  What the kernel starts:
 *   - with start=a,b,... on the command line: exactly those (tests);
 *   - otherwise, when a service "rs" is described: only rs, which starts
 *     and supervises the others;
 *   - otherwise every "boot yes" service.
 * Each process the kernel starts gets its "parent" as supervisor.  RS is
 * supervised by the kernel itself: boot_respawn_rs runs when RS ends.
 */
#include "kernel.h"
#include "proc.h"
#include "bootinfo.h"
#include "elf.h"

static struct privconf conf;

static void parse_configs(void)
{
    struct pc_error err;
    for (uint32_t i = 0; i < bootinfo.nmods; i++) {
        const struct module *m = &bootinfo.mods[i];
        size_t n = strlen(m->name);
        if (n < 5 || strcmp(m->name + n - 5, ".conf") != 0)
            continue;
        if (privconf_parse((const char *)m->start, m->end - m->start, &conf, &err) < 0)
            panic("%s line %d: %s", m->name, err.line, err.msg);
    }
}

const struct pc_service *boot_service(const char *label)
{
    for (int i = 0; i < conf.nsvc; i++)
        if (strcmp(conf.svc[i].label, label) == 0)
            return &conf.svc[i];
    return 0;
}

static int wanted(const struct pc_service *s)
{
    char tmp[2];
    if (cmdline_get("start", tmp, sizeof(tmp)) >= 0)
        return cmdline_list_has("start", s->label);
    if (boot_service("rs"))
        return strcmp(s->label, "rs") == 0;
    return s->boot;
}

static struct proc *start(const struct pc_service *s)
{
    const struct module *m = module_find(s->program);
    struct elf_src src;
    struct proc *p;
    int err;
    if (!m) {
        kprintf("kernel: no boot module '%s' for service %s\n", s->program, s->label);
        return 0;
    }
    src.pgdir = 0;
    src.base = m->start;
    src.size = m->end - m->start;
    p = proc_spawn(s->label, &src, priv_by_label(s->label), &err);
    if (p)
        kprintf("kernel: started %s (ep %d)\n", s->label, p->endpoint);
    return p;
}

void boot_processes(void)
{
    parse_configs();
    priv_boot(&conf);
    for (int i = 0; i < conf.nsvc; i++)
        if (wanted(&conf.svc[i]))
            start(&conf.svc[i]);
    for (int i = 0; i < conf.nsvc; i++) {
        struct proc *p = proc_by_label(conf.svc[i].label);
        struct proc *sup = proc_by_label(conf.svc[i].parent);
        if (p && sup && sup != p) {
            p->supervisor = sup->endpoint;
            ident_save(p);
        }
    }
}

/* RS (endpoint old_ep) has ended: start a fresh one from its module and
 * hand it the old one's children and pending death reports. */
void boot_respawn_rs(endpoint_t old_ep)
{
    const struct pc_service *s = boot_service("rs");
    struct proc *p = s ? start(s) : 0;
    if (!p) {
        kprintf("kernel: rs could not be restarted\n");
        return;
    }
    kprintf("kernel: rs restarted (ep %d)\n", p->endpoint);
    ksig_rehome(old_ep, p->endpoint);
}
