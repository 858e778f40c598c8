/*
 * boot.c - start the boot processes.
 *
 * Every module whose name ends in ".conf" is a service description
 * (lib/common/privconf.h); they are parsed in module order into one
 * table.  Services run in table order: those with "boot yes", or, when
 * the command line has start=a,b,..., exactly those listed.  Then each
 * gets its supervisor (its "parent" label) once all exist.
 */
#include "kernel.h"
#include "proc.h"
#include "bootinfo.h"

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

static int wanted(const struct pc_service *s)
{
    char tmp[2];
    if (cmdline_get("start", tmp, sizeof(tmp)) >= 0)
        return cmdline_list_has("start", s->label);
    return s->boot;
}

static void start(const struct pc_service *s)
{
    const struct module *m = module_find(s->program);
    struct proc *p;
    if (!m) {
        kprintf("kernel: no boot module '%s' for service %s\n", s->program, s->label);
        return;
    }
    p = proc_spawn(s->label, (const void *)m->start, m->end - m->start,
                   priv_by_label(s->label));
    if (p)
        kprintf("kernel: started %s (ep %d)\n", s->label, p->endpoint);
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
        if (p && sup && sup != p)
            p->supervisor = sup->endpoint;
    }
}
