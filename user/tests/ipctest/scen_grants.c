/*
 * scen_grants.c - grants: read, write, read-only enforced, out of range,
 * revoked, wrong grantee, unmapped memory, a full table; ANY as grantee,
 * length 0, a range into unmapped memory, read-only text.
 */
#include "ctl.h"

static uint8_t gbuf[8192] __attribute__((aligned(4096)));

static void fill(void)
{
    for (uint32_t i = 0; i < sizeof(gbuf); i++)
        gbuf[i] = (uint8_t)(i * 7 + 3);
}

static void full_table(void)
{
    grant_id_t ids[NR_GRANTS];
    int n = 0, r;
    while (n < NR_GRANTS && (r = grant_create(ag[A], gbuf, 16, GRANT_READ)) > 0)
        ids[n++] = r;
    check(n >= NR_GRANTS - 2, "created %d more grants", n);
    expect(grant_create(ag[A], gbuf, 16, GRANT_READ), -ENOSPC, "grant table full");
    for (int i = 0; i < n; i++)
        grant_revoke(ids[i]);
    r = grant_create(ag[A], gbuf, 16, GRANT_READ);
    check(r > 0, "a grant can be made again after revoking");
}

/* The edges: ANY as grantee, length 0, a range that runs from our buffer
 * into unmapped memory, our read-only text. */
static void edges(void)
{
    extern char _start[], _end[];
    grant_id_t g;
    uint32_t end = ((uint32_t)_end + 0xfffu) & ~0xfffu;    /* no heap: unmapped above */
    expect(grant_create(ANY, gbuf, 16, GRANT_READ), -EINVAL, "a grant to ANY");
    expect(grant_create(ag[A], gbuf, 0, GRANT_READ), -EINVAL, "a grant of length 0");
    g = grant_create(ag[A], (void *)(end - 64), 128, GRANT_READ);
    check(g > 0, "a grant running into unmapped memory is accepted");
    cmd_copy(A, AG_COPYFROM, self_ep, g, 0, 128, 0);
    expect(result(A).status, -EFAULT, "a copy across into unmapped memory");
    grant_revoke(g);
    g = grant_create(ag[A], _start, 64, GRANT_READ | GRANT_WRITE);
    cmd_copy(A, AG_COPYTO, self_ep, g, 0, 16, 0x11);
    expect(result(A).status, -EFAULT, "a copy into read-only text");
    cmd_copy(A, AG_COPYFROM, self_ep, g, 0, 16, 0);
    expect(result(A).status, OK, "a copy out of text");
    grant_revoke(g);
}

void scen_grants(void)
{
    grant_id_t rw, ro, bad;
    struct ag_result res;
    int same = 1;
    fill();
    rw = grant_create(ag[A], gbuf, sizeof(gbuf), GRANT_READ | GRANT_WRITE);
    ro = grant_create(ag[B], gbuf, 100, GRANT_READ);
    check(rw > 0 && ro > 0, "grants created (%d, %d)", rw, ro);
    cmd_copy(A, AG_COPYFROM, self_ep, rw, 4000, 300, 0);
    res = result(A);
    check(res.status == OK && res.sum == checksum(gbuf + 4000, 300),
          "read 300 bytes across a page boundary: %s, sum %08x", errname(res.status), res.sum);
    cmd_copy(A, AG_COPYTO, self_ep, rw, 4090, 50, 0x30);
    expect(result(A).status, OK, "write 50 bytes");
    for (int i = 0; i < 50; i++)
        same &= gbuf[4090 + i] == (uint8_t)(0x30 + i);
    check(same, "the owner sees the written bytes");
    fill();
    cmd_copy(B, AG_COPYTO, self_ep, ro, 0, 10, 0x55);
    expect(result(B).status, -EPERM, "write through a read-only grant");
    check(gbuf[0] == 3 && gbuf[9] == (uint8_t)(9 * 7 + 3), "buffer unchanged");
    cmd_copy(B, AG_COPYFROM, self_ep, ro, 90, 20, 0);
    expect(result(B).status, -ERANGE, "read past the end of the grant");
    cmd_copy(B, AG_COPYFROM, self_ep, ro, 0xffffffffu, 2, 0);
    expect(result(B).status, -ERANGE, "offset overflow");
    cmd_copy(B, AG_COPYFROM, self_ep, ro, 0, 100, 0);
    expect(result(B).status, OK, "read exactly the whole grant");
    cmd_copy(C, AG_COPYFROM, self_ep, rw, 0, 10, 0);
    expect(result(C).status, -EPERM, "a grant used by the wrong grantee");
    cmd_copy(A, AG_COPYFROM, ag[D], rw, 0, 10, 0);
    expect(result(A).status, -EINVAL, "a grant id of another owner");
    expect(grant_revoke(rw), OK, "revoke");
    cmd_copy(A, AG_COPYFROM, self_ep, rw, 0, 10, 0);
    expect(result(A).status, -EINVAL, "copy through a revoked grant");
    expect(grant_revoke(rw), -EINVAL, "revoke twice");
    expect(grant_create(ag[A], gbuf, 10, 0), -EINVAL, "grant with no access");
    expect(grant_create(ag[A], (void *)0x100000, 10, GRANT_READ), -EINVAL,
           "grant of kernel memory");
    bad = grant_create(ag[A], (void *)0x50000000, 100, GRANT_READ | GRANT_WRITE);
    check(bad > 0, "grant of unmapped memory is accepted");
    cmd_copy(A, AG_COPYFROM, self_ep, bad, 0, 100, 0);
    expect(result(A).status, -EFAULT, "copy from unmapped memory");
    cmd_copy(A, AG_COPYFROM, ENDPOINT(1, 200), rw, 0, 10, 0);
    expect(result(A).status, -EBADEPT, "copy with an invalid owner");
    grant_revoke(bad);
    edges();
    full_table();
}
