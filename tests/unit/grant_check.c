/*
 * grant_check.c - host tests of the grant table (kernel/grant.c):
 * creating, checking and revoking grants, access bits, range arithmetic
 * (including 32-bit overflow), stale ids after slot reuse, a full table,
 * forwarding grants (creation and the first step of the check), and
 * forgetting every grant to a process slot whose generations wrapped.
 */
#include <stdint.h>
#include <string.h>

#include "ipc.h"
#include "grant.h"
#include "tap.h"

#define USER_LO  0x40000000u
#define USER_HI  0xbfffffffu    /* inclusive last user address */
#define GRANTEE  ENDPOINT(3, 7)
#define OTHER    ENDPOINT(4, 7)

static struct grant table[NR_GRANTS];
static uint32_t seq;

static void reset(void)
{
    memset(table, 0, sizeof(table));
    seq = 0;
}

static int create(uint32_t addr, uint32_t len, uint32_t access)
{
    return grant_create(table, &seq, GRANTEE, addr, len, access, USER_LO, USER_HI);
}

static void test_read_and_write(void)
{
    uint32_t addr = 0;
    int rw, ro, wo;

    reset();
    rw = create(0x40001000, 0x100, GRANT_READ | GRANT_WRITE);
    ok(rw > 0, "create a read-write grant returns a positive id");
    is_int(grant_check(table, rw, GRANTEE, 0, 0x100, GRANT_READ, &addr), OK,
           "read the whole read-write grant");
    is_int(addr, 0x40001000, "read: *addr is the grant address");
    is_int(grant_check(table, rw, GRANTEE, 0x10, 0x20, GRANT_WRITE, &addr), OK,
           "write inside the read-write grant");
    is_int(addr, 0x40001010, "write: *addr = grant address + offset");
    is_int(grant_check(table, rw, GRANTEE, 4, 4, GRANT_READ | GRANT_WRITE, &addr), OK,
           "read+write access on a read-write grant");

    ro = create(0x40002000, 0x80, GRANT_READ);
    ok(ro > 0 && ro != rw, "create a read-only grant with a new id");
    is_int(grant_check(table, ro, GRANTEE, 0, 0x80, GRANT_READ, &addr), OK,
           "read a read-only grant");
    addr = 0x1234;
    is_int(grant_check(table, ro, GRANTEE, 0, 1, GRANT_WRITE, &addr), -EPERM,
           "write to a read-only grant is -EPERM");
    is_int(addr, 0x1234, "a refused check leaves *addr unchanged");
    is_int(grant_check(table, ro, GRANTEE, 0, 1, GRANT_READ | GRANT_WRITE, &addr),
           -EPERM, "read+write on a read-only grant is -EPERM");

    wo = create(0x40003000, 0x80, GRANT_WRITE);
    ok(wo > 0, "create a write-only grant");
    is_int(grant_check(table, wo, GRANTEE, 0, 0x80, GRANT_WRITE, &addr), OK,
           "write a write-only grant");
    is_int(grant_check(table, wo, GRANTEE, 0, 1, GRANT_READ, &addr), -EPERM,
           "read from a write-only grant is -EPERM");
    is_int(grant_check(table, rw, GRANTEE, 0, 1, 0, &addr), -EPERM,
           "check with access 0 is -EPERM");
}

static void test_wrong_grantee(void)
{
    uint32_t addr = 0;
    int id;

    reset();
    id = create(0x40001000, 0x100, GRANT_READ | GRANT_WRITE);
    is_int(grant_check(table, id, OTHER, 0, 1, GRANT_READ, &addr), -EPERM,
           "another endpoint (same slot, other generation) is -EPERM");
    is_int(grant_check(table, id, SYSTEM, 0, 1, GRANT_READ, &addr), -EPERM,
           "a pseudo endpoint as caller is -EPERM");
    is_int(grant_create(table, &seq, -5, 0x40001000, 1, GRANT_READ, USER_LO, USER_HI),
           -EINVAL, "create for a negative grantee is -EINVAL");
}

static void test_ranges(void)
{
    uint32_t addr = 0;
    int id;

    reset();
    id = create(0x40001000, 0x100, GRANT_READ);
    is_int(grant_check(table, id, GRANTEE, 0x100, 1, GRANT_READ, &addr), -ERANGE,
           "one byte at offset == len is -ERANGE");
    is_int(grant_check(table, id, GRANTEE, 0, 0x101, GRANT_READ, &addr), -ERANGE,
           "len one past the end is -ERANGE");
    is_int(grant_check(table, id, GRANTEE, 0xff, 2, GRANT_READ, &addr), -ERANGE,
           "range straddling the end is -ERANGE");
    is_int(grant_check(table, id, GRANTEE, 0x101, 0, GRANT_READ, &addr), -ERANGE,
           "zero bytes past the end is -ERANGE");
    is_int(grant_check(table, id, GRANTEE, 0xffffffffu, 2, GRANT_READ, &addr), -ERANGE,
           "offset 0xffffffff len 2 (offset+len overflows) is -ERANGE");
    is_int(grant_check(table, id, GRANTEE, 1, 0xffffffffu, GRANT_READ, &addr), -ERANGE,
           "offset 1 len 0xffffffff (overflows) is -ERANGE");
    is_int(grant_check(table, id, GRANTEE, 0x80, 0xffffff81u, GRANT_READ, &addr), -ERANGE,
           "offset+len wrapping to a small value is -ERANGE");
    is_int(grant_check(table, id, GRANTEE, 0xffffffffu, 0xffffffffu, GRANT_READ, &addr),
           -ERANGE, "offset and len both 0xffffffff is -ERANGE");

    is_int(grant_check(table, id, GRANTEE, 0xf0, 0x10, GRANT_READ, &addr), OK,
           "range ending exactly at the grant end is OK");
    is_int(addr, 0x400010f0, "exact end: *addr = grant address + offset");
    is_int(grant_check(table, id, GRANTEE, 0x100, 0, GRANT_READ, &addr), OK,
           "zero-length range at the very end is OK");
    is_int(addr, 0x40001100, "zero-length at end: *addr = grant address + len");
    is_int(grant_check(table, id, GRANTEE, 0, 0, GRANT_READ, &addr), OK,
           "zero-length range at offset 0 is OK");
}

static void test_revoke_and_stale_ids(void)
{
    uint32_t addr = 0;
    int id, id2, other;

    reset();
    id = create(0x40001000, 0x100, GRANT_READ);
    is_int(grant_revoke(table, id), OK, "revoke a live grant");
    is_int(grant_check(table, id, GRANTEE, 0, 1, GRANT_READ, &addr), -EINVAL,
           "a revoked id is -EINVAL");
    is_int(grant_revoke(table, id), -EINVAL, "revoking twice is -EINVAL");

    id2 = create(0x40005000, 0x100, GRANT_READ | GRANT_WRITE);
    is_int(id2 & (NR_GRANTS - 1), id & (NR_GRANTS - 1),
           "the new grant reuses the freed slot");
    ok(id2 != id, "the reused slot gets a different id (0x%x vs 0x%x)", id2, id);
    is_int(grant_check(table, id, GRANTEE, 0, 1, GRANT_READ, &addr), -EINVAL,
           "the stale id of a reused slot is -EINVAL");
    is_int(grant_revoke(table, id), -EINVAL, "revoking a stale id is -EINVAL");
    is_int(grant_check(table, id2, GRANTEE, 0, 1, GRANT_WRITE, &addr), OK,
           "the new id works");
    is_int(addr, 0x40005000, "the new id maps to the new address");

    other = create(0x40006000, 0x10, GRANT_READ);
    is_int(grant_revoke(table, id2), OK, "revoke one grant of two");
    is_int(grant_check(table, other, GRANTEE, 0, 0x10, GRANT_READ, &addr), OK,
           "revoking one grant leaves the other usable");

    is_int(grant_check(table, 0, GRANTEE, 0, 0, GRANT_READ, &addr), -EINVAL,
           "id 0 is -EINVAL");
    is_int(grant_check(table, -1, GRANTEE, 0, 0, GRANT_READ, &addr), -EINVAL,
           "id -1 is -EINVAL");
    is_int(grant_check(table, INT32_MIN | other, GRANTEE, 0, 0, GRANT_READ, &addr),
           -EINVAL, "a negative id with a live slot's low bits is -EINVAL");
    is_int(grant_revoke(table, 0), -EINVAL, "revoking id 0 is -EINVAL");
    is_int(grant_revoke(table, -7), -EINVAL, "revoking a negative id is -EINVAL");
    ok((other & (NR_GRANTS - 1)) != 0, "the second live grant is not in slot 0");
    is_int(grant_check(table, other & (NR_GRANTS - 1), GRANTEE, 0, 0, GRANT_READ, &addr),
           -EINVAL, "a live slot's index with sequence 0 is -EINVAL");
    is_int(grant_check(table, other + NR_GRANTS, GRANTEE, 0, 0, GRANT_READ, &addr),
           -EINVAL, "a live slot with the wrong sequence is -EINVAL");
    is_int(grant_check(table, (other & ~(NR_GRANTS - 1)) | ((other + 1) & (NR_GRANTS - 1)),
                       GRANTEE, 0, 0, GRANT_READ, &addr),
           -EINVAL, "a live sequence number on a free slot is -EINVAL");
}

static void test_table_full(void)
{
    int ids[NR_GRANTS], distinct = 1, allpos = 1, id;
    uint32_t addr = 0;

    reset();
    for (int i = 0; i < NR_GRANTS; i++) {
        ids[i] = create(USER_LO + (uint32_t)i * 0x1000, 0x1000, GRANT_READ);
        if (ids[i] <= 0)
            allpos = 0;
        for (int j = 0; j < i; j++)
            if (ids[j] == ids[i])
                distinct = 0;
    }
    ok(allpos, "NR_GRANTS (%d) creates all succeed", NR_GRANTS);
    ok(distinct, "the NR_GRANTS ids are distinct");
    is_int(create(USER_LO, 1, GRANT_READ), -ENOSPC,
           "create on a full table is -ENOSPC");
    is_int(grant_check(table, ids[NR_GRANTS - 1], GRANTEE, 0xfff, 1, GRANT_READ, &addr),
           OK, "the last grant of a full table works");
    is_int(addr, USER_LO + (NR_GRANTS - 1) * 0x1000 + 0xfff,
           "the last grant maps to its own address");
    is_int(grant_revoke(table, ids[5]), OK, "revoke one grant of a full table");
    id = create(USER_LO, 1, GRANT_WRITE);
    ok(id > 0, "create succeeds again after a revoke");
    is_int(id & (NR_GRANTS - 1), 5, "it takes the freed slot");
    is_int(create(USER_LO, 1, GRANT_READ), -ENOSPC, "the table is full again");
}

static void test_create_validation(void)
{
    reset();
    is_int(create(0x40001000, 0x10, 0), -EINVAL, "access 0 is -EINVAL");
    is_int(create(0x40001000, 0x10, 4), -EINVAL, "access bit 4 is -EINVAL");
    is_int(create(0x40001000, 0x10, GRANT_READ | 4), -EINVAL,
           "READ plus an unknown bit is -EINVAL");
    is_int(create(0x40001000, 0, GRANT_READ), -EINVAL, "length 0 is -EINVAL");
    is_int(create(USER_LO - 1, 0x10, GRANT_READ), -EINVAL,
           "address below user_lo is -EINVAL");
    is_int(create(0x1000, 0x10, GRANT_READ), -EINVAL,
           "a kernel address is -EINVAL");
    ok(create(USER_LO, 1, GRANT_READ) > 0, "the first user byte is accepted");
    ok(create(USER_HI, 1, GRANT_READ) > 0, "the last user byte is accepted");
    ok(create(USER_HI - 0xfff, 0x1000, GRANT_READ) > 0,
       "a range ending exactly at user_hi is accepted");
    is_int(create(USER_HI - 0xfff, 0x1001, GRANT_READ), -EINVAL,
           "a range one byte past user_hi is -EINVAL");
    is_int(create(USER_HI + 1, 1, GRANT_READ), -EINVAL,
           "address above user_hi is -EINVAL");
    is_int(create(0x80000000u, 0x80000001u, GRANT_READ), -EINVAL,
           "a range wrapping past 4 GiB is -EINVAL");
    is_int(grant_create(table, &seq, GRANTEE, 0xfffff000u, 0x2000, GRANT_READ,
                        USER_LO, 0xffffffffu), -EINVAL,
           "a range wrapping past 4 GiB with user_hi 0xffffffff is -EINVAL");
    ok(grant_create(table, &seq, GRANTEE, 0xfffff000u, 0x1000, GRANT_READ,
                    USER_LO, 0xffffffffu) > 0,
       "the last page of the address space with user_hi 0xffffffff is accepted");
    is_int(create(USER_LO, 0xffffffffu, GRANT_READ), -EINVAL,
           "length 0xffffffff is -EINVAL");
}

static void test_forward(void)
{
    uint32_t addr = 0;
    int id;

    reset();
    is_int(create(0x40001000, 0x10, GRANT_FORWARD), -EINVAL,
           "FORWARD without READ or WRITE is -EINVAL");
    is_int(create(USER_HI - 2, 0x10000, GRANT_READ | GRANT_FORWARD), -EINVAL,
           "a forwarding descriptor past user_hi is -EINVAL");
    is_int(create(0x40001000, 0, GRANT_READ | GRANT_FORWARD), -EINVAL,
           "a forwarding grant of length 0 is -EINVAL");
    id = create(USER_HI - (uint32_t)sizeof(struct grant_fwd) + 1, 0x10000,
                GRANT_READ | GRANT_FORWARD);
    ok(id > 0, "a forwarding grant longer than its descriptor is accepted");
    is_int(grant_check(table, id, GRANTEE, 0x8000, 0x8000, GRANT_READ, &addr),
           GRANT_FORWARDED, "a read inside it is forwarded");
    is_int(addr, USER_HI - sizeof(struct grant_fwd) + 1,
           "forwarded: *addr is the descriptor's address");
    is_int(grant_check(table, id, GRANTEE, 0x8000, 0x8001, GRANT_READ, &addr), -ERANGE,
           "past its length is -ERANGE");
    is_int(grant_check(table, id, GRANTEE, 0, 1, GRANT_WRITE, &addr), -EPERM,
           "a write through a read-only forward is -EPERM");
    is_int(grant_check(table, id, OTHER, 0, 1, GRANT_READ, &addr), -EPERM,
           "another grantee is -EPERM");
    is_int(grant_check(table, id, GRANTEE, 0, 1, GRANT_READ | GRANT_FORWARD, &addr), -EPERM,
           "checking with the FORWARD bit as access is -EPERM");
    is_int(grant_revoke(table, id), OK, "a forwarding grant is revoked like any");
}

static void test_sequence_wrap(void)
{
    uint32_t addr = 0;
    int id;

    reset();
    seq = 0x7fffffffu >> GRANT_IDX_BITS;    /* the largest sequence number */
    id = create(USER_LO, 0x10, GRANT_READ);
    ok(id > 0, "after the sequence wraps the id is still positive (0x%x)", id);
    is_int(grant_check(table, id, GRANTEE, 0, 0x10, GRANT_READ, &addr), OK,
           "the id after the sequence wrap works");
    seq = (0x7fffffffu >> GRANT_IDX_BITS) - 1;
    id = create(USER_LO, 0x10, GRANT_READ);
    ok(id > 0, "the largest sequence number gives a positive id (0x%x)", id);
    is_int(grant_check(table, id, GRANTEE, 0, 0x10, GRANT_READ, &addr), OK,
           "the id with the largest sequence number works");
}

/* After a slot's generations wrap, a grant given to any process that
 * lived there must not work for the slot's next process. */
static void test_forget_slot(void)
{
    uint32_t addr = 0;
    int mine, other, again;

    reset();
    mine = create(USER_LO, 0x10, GRANT_READ);
    other = grant_create(table, &seq, ENDPOINT(3, 8), USER_LO, 0x10, GRANT_READ,
                         USER_LO, USER_HI);
    again = grant_create(table, &seq, ENDPOINT(EP_GEN_MAX, 7), USER_LO, 0x10,
                         GRANT_READ, USER_LO, USER_HI);
    is_int(grant_forget_slot(table, 7), 2, "both grants to slot 7 (two generations) are revoked");
    is_int(grant_check(table, mine, GRANTEE, 0, 0x10, GRANT_READ, &addr), -EINVAL,
           "a grant to slot 7 no longer checks");
    is_int(grant_check(table, again, ENDPOINT(EP_GEN_MAX, 7), 0, 1, GRANT_READ, &addr),
           -EINVAL, "nor one to slot 7's last generation");
    is_int(grant_check(table, other, ENDPOINT(3, 8), 0, 0x10, GRANT_READ, &addr), OK,
           "a grant to slot 8 still works");
    is_int(grant_forget_slot(table, 7), 0, "forgetting slot 7 again revokes nothing");
}

int main(void)
{
    test_read_and_write();
    test_wrong_grantee();
    test_ranges();
    test_revoke_and_stale_ids();
    test_table_full();
    test_create_validation();
    test_forward();
    test_sequence_wrap();
    test_forget_slot();
    return done_testing();
}
