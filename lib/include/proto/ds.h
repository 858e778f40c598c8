/*
 * proto/ds.h - the data store's protocol (0x800).
 *
 * Typed values under keys of up to DS_KEY_MAX-1 characters: u32, string,
 * blob (strings and blobs travel through a grant) and label -> endpoint.
 * A key belongs to the label of the service that first published it, so
 * ownership survives that service's restarts; only RS publishes labels.
 * Subscriptions take a key pattern (an exact key, or a prefix ending in
 * '*'); a change notifies the subscriber, which then calls DS_CHECK until
 * it answers ESRCH: every key changed since the last check comes back
 * once, however many changes happened in between.
 */
#ifndef STABILIX_PROTO_DS_H
#define STABILIX_PROTO_DS_H

#include "../ipc.h"

#define DS_BASE       0x800
#define DS_PUBLISH    (DS_BASE + 0)  /* key, type, value | grant+len */
#define DS_RETRIEVE   (DS_BASE + 1)  /* key, type; out value | len (copied to grant) */
#define DS_DELETE     (DS_BASE + 2)  /* key (owner only) */
#define DS_SUBSCRIBE  (DS_BASE + 3)  /* key = pattern */
#define DS_CHECK      (DS_BASE + 4)  /* out: key, type, flags (DSF_DELETED) */
#define DS_NR_CALLS   5

#define DST_U32    1
#define DST_STR    2
#define DST_BLOB   3
#define DST_LABEL  4

#define DS_KEY_MAX   32              /* including the NUL */
#define DS_STR_MAX   128             /* bytes of a string value, NUL included */
#define DS_BLOB_MAX  1024
#define DSF_DELETED  1               /* DS_CHECK: the key was deleted */

struct ds_req {
    char key[DS_KEY_MAX];
    int32_t type;
    uint32_t value;                  /* u32 value or endpoint */
    grant_id_t grant;                /* strings and blobs */
    uint32_t len;
    int32_t flags;
};

MSG_PAYLOAD_CHECK(struct ds_req);

#endif
