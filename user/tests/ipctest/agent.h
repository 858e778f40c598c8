/*
 * agent.h - the protocol between the IPC test controller (ipcctl) and its
 * agents.  The controller sends one command (m_type AG_*, body ag_cmd);
 * the agent performs exactly that operation and sends back one
 * AG_RESULT (body ag_result).  The controller must collect a result
 * before sending the same agent another command.
 */
#ifndef IPCTEST_AGENT_H
#define IPCTEST_AGENT_H

#include "libsys.h"

#define AG_SEND     0x4101  /* send AG_DATA(value) to target */
#define AG_SENDNB   0x4102  /* the same with sendnb */
#define AG_RECEIVE  0x4103  /* receive from target (or ANY) */
#define AG_CALL     0x4104  /* call target with AG_DATA(value) */
#define AG_SERVE    0x4105  /* count times: receive ANY, reply value+1 */
#define AG_NOTIFY   0x4106  /* notify target count times */
#define AG_COPYFROM 0x4107  /* safecopyfrom(target, grant, offset, len) */
#define AG_COPYTO   0x4108  /* safecopyto bytes value+i */
#define AG_DEVIN    0x4109  /* sys_inb(value) */
#define AG_IRQ      0x410a  /* sys_irqctl(IRQ_SUBSCRIBE, value) */
#define AG_MAPREAD  0x410b  /* sys_mapdev(value, 4096), read a word */
#define AG_INB      0x410c  /* direct inb(value) through the TSS bitmap */
#define AG_KCALL    0x410d  /* a kernel call of type value, empty body */
#define AG_DEVBUF   0x410e  /* map device page value; status = a grant of it
                               to target, value = a kernel call whose
                               message buffer is that device page */
#define AG_RESULT   0x41f0
#define AG_DATA     0x41f1

struct ag_cmd {
    endpoint_t target;
    int32_t value;
    int32_t count;
    grant_id_t grant;
    uint32_t offset;
    uint32_t len;
};

struct ag_result {
    int32_t status;
    endpoint_t source;
    int32_t type;
    int32_t value;
    uint32_t sum;
    int32_t count;
};

MSG_PAYLOAD_CHECK(struct ag_cmd);
MSG_PAYLOAD_CHECK(struct ag_result);

uint32_t checksum(const uint8_t *p, uint32_t len);
void agent_main(endpoint_t ctl);
int ctl_main(void);

#endif
