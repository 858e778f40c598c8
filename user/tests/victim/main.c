/*
 * victim - a minimal service built on the skeleton, for RS tests: it
 * answers ECHO_REQ with value+1 and lets RS inject faults into it (the
 * skeleton handles RS_FI_REQ and heartbeats).
 */
#include "sef.h"
#include "proto/echo.h"

static int do_echo(message *m)
{
    m->m.u32[0]++;
    return OK;
}

static int init(const struct sef_init *info)
{
    return OK;
}

static const srv_handler handlers[ECHO_NR_CALLS] = { [0] = do_echo };
static const struct srv_table table = { .base = ECHO_BASE, .count = ECHO_NR_CALLS, .handlers = handlers };

int main(void)
{
    sef_startup(init, init);
    server_loop(&table);
}
