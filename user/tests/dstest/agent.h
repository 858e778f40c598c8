/*
 * agent.h - the protocol between the DS test controller (label dstest)
 * and its agents (dsother: a second service for ownership checks, dssub:
 * a subscriber, dsunpriv: a service that may not talk to DS).  The
 * controller sends one command (m_type AG_*, body ag_cmd); the agent
 * makes exactly that DS call through lib/libsys/ds.c and sends back one
 * AG_RESULT (body ag_result).  Between commands an agent waits for the
 * controller only, so DS's notifications stay pending meanwhile.
 */
#ifndef DSTEST_AGENT_H
#define DSTEST_AGENT_H

#include "libsys.h"
#include "proto/ds.h"

#define AG_PUBLISH   0x5101  /* key, type, value (U32, LABEL) or str (STR, BLOB) */
#define AG_RETRIEVE  0x5102  /* key, type: value (U32, LABEL), or the string in key */
#define AG_DELETE    0x5103  /* key */
#define AG_SUBSCRIBE 0x5104  /* key = pattern */
#define AG_CHECK     0x5105  /* one ds_check: key, type, deleted */
#define AG_WAIT      0x5106  /* wait up to value ticks for a notification from DS */
#define AG_RESULT    0x51f0

struct ag_cmd {
    char key[DS_KEY_MAX];
    int32_t type;
    uint32_t value;
    char str[16];
};

struct ag_result {
    int32_t status;
    int32_t type;
    int32_t deleted;
    uint32_t value;
    char key[DS_KEY_MAX];
};

MSG_PAYLOAD_CHECK(struct ag_cmd);
MSG_PAYLOAD_CHECK(struct ag_result);

void agent_main(endpoint_t ctl);
int ctl_main(void);

#endif
