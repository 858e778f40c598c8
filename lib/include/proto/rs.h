/*
 * proto/rs.h - the reincarnation server's protocol (0x700).
 *
 * Administrators (services whose description says "admin yes") drive RS
 * with RS_UP/DOWN/RESTART/LIST/FI; anybody else gets EPERM.  A starting
 * service asks RS_INIT (through the skeleton, lib/libsys/sef.c) whether
 * it is a fresh start or a restart.  RS pings every service with a
 * notification each heartbeat period; the skeleton answers with a
 * notification back.  RS_FI_REQ goes from RS to a service and makes the
 * skeleton fail on purpose.
 */
#ifndef STABILIX_PROTO_RS_H
#define STABILIX_PROTO_RS_H

#include "../ipc.h"

#define RS_BASE     0x700
#define RS_UP       (RS_BASE + 0)   /* rs_req.label: start a stopped service */
#define RS_DOWN     (RS_BASE + 1)   /* stop it and keep it down */
#define RS_RESTART  (RS_BASE + 2)   /* stop it and start it again */
#define RS_LIST     (RS_BASE + 3)   /* rs_entry.index in; the entry out, ESRCH past the end */
#define RS_FI       (RS_BASE + 4)   /* rs_req.label, rs_req.kind: inject a fault */
#define RS_INIT     (RS_BASE + 5)   /* service -> RS: how do I start? (rs_init out) */
#define RS_FI_REQ   (RS_BASE + 6)   /* RS -> service: fail now (rs_req.kind) */
#define RS_NR_CALLS 7

#define RS_FI_CRASH     1           /* exit with status 70 */
#define RS_FI_HANG      2           /* stop answering anything, heartbeats included */
#define RS_FI_EXCEPTION 3           /* touch address 0 */
#define RS_FI_CORRUPT   4           /* damage its own tables (srv_table.corrupt) */
#define RS_FI_MIDWAY    5           /* crash in the next request, its work done, before its reply */

#define RS_STATE_UP      1
#define RS_STATE_DOWN    2          /* stopped on request */
#define RS_STATE_WAITING 3          /* failed; restart after a backoff delay */
#define RS_STATE_FAILED  4          /* failed too often: left down */

#define SEF_INIT_FRESH   1
#define SEF_INIT_RESTART 2

struct rs_req   { char label[16]; int32_t kind; };
struct rs_entry {
    int32_t index; char label[16]; endpoint_t ep; int32_t state;
    int32_t restarts; char reason[24];
};
struct rs_init  { int32_t type; int32_t restarts; };

MSG_PAYLOAD_CHECK(struct rs_req);
MSG_PAYLOAD_CHECK(struct rs_entry);
MSG_PAYLOAD_CHECK(struct rs_init);

#endif
