/*
 * config.c - RS reads the same service descriptions the kernel booted
 * with: every boot module whose name ends in ".conf", parsed in module
 * order with the shared parser.  One struct service per description,
 * except RS's own.
 */
#include "rs.h"

struct privconf conf;
static char text[16384];

static int load_one(const char *name, struct pc_error *err)
{
    uint32_t size;
    if (sys_getmodule(-1, name, 0, text, sizeof(text), &size) != OK)
        return -1;
    return privconf_parse(text, size, &conf, err);
}

int config_load(void)
{
    char name[32];
    uint32_t size;
    struct pc_error err;
    for (int i = 0; sys_getmodule(i, 0, name, 0, 0, &size) == OK; i++) {
        size_t n = strlen(name);
        if (n < 5 || strcmp(name + n - 5, ".conf") != 0)
            continue;
        if (load_one(name, &err) < 0) {
            printf("rs: %s line %d: %s\n", name, err.line, err.msg);
            return -EINVAL;
        }
    }
    for (int i = 0; i < conf.nsvc && nservices < MAX_SERVICES; i++) {
        struct service *s;
        if (strcmp(conf.svc[i].label, "rs") == 0)
            continue;
        s = &services[nservices++];
        memset(s, 0, sizeof(*s));
        s->desc = &conf.svc[i];
        s->ep = NONE;
        s->state = RS_STATE_DOWN;
    }
    return OK;
}
