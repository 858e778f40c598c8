/*
 * grant.h - memory grants: an owner lets one grantee copy to or from a
 * range of the owner's memory (DESIGN.md section 3).
 *
 * A grant id is (seq << 5) | index: revoking frees the index, and the
 * sequence number makes an old id useless after the index is reused.
 * grant_check is pure (host unit tests); it validates a copy request
 * completely and computes the owner address, or returns an error.
 * A forwarding grant (GRANT_FORWARD, ipc.h) holds the address of its
 * struct grant_fwd instead of a buffer; the copy (safecopy.c) reads it
 * and checks the grant it names as a second, direct step.
 */
#ifndef KERNEL_GRANT_H
#define KERNEL_GRANT_H

#include <stdint.h>
#include "../lib/include/ipc.h"

#define GRANT_IDX_BITS 5

struct grant {
    uint32_t seq;           /* 0 = free slot */
    endpoint_t grantee;
    uint32_t addr, len;
    uint32_t access;        /* GRANT_READ | GRANT_WRITE */
};

_Static_assert(NR_GRANTS == (1 << GRANT_IDX_BITS), "grant index width");

/* Check that 'caller' may copy len bytes at offset in grant 'id' with
 * 'access' (GRANT_READ: copy from owner; GRANT_WRITE: copy into owner).
 * On OK, *addr = owner's address of the first byte.  A forwarding grant
 * passes the same checks and answers GRANT_FORWARDED, *addr = the
 * address of its struct grant_fwd. */
#define GRANT_FORWARDED 1
int grant_check(const struct grant *table, grant_id_t id, endpoint_t caller,
                uint32_t offset, uint32_t len, uint32_t access, uint32_t *addr);

/* Fill a free slot; returns the new id or an error.  A forwarding grant's
 * struct grant_fwd at addr must lie in [user_lo, user_hi]; len is the
 * length of the range it forwards. */
int grant_create(struct grant *table, uint32_t *seq, endpoint_t grantee,
                 uint32_t addr, uint32_t len, uint32_t access,
                 uint32_t user_lo, uint32_t user_hi);
int grant_revoke(struct grant *table, grant_id_t id);

/* Revoke every grant whose grantee lives or lived in process slot 'slot'
 * (any generation); returns how many. */
int grant_forget_slot(struct grant *table, int slot);

#endif
