/*
 * scen_limits.c - full tables (value pool, keys, patterns are in
 * scen_sub.c) answer ENOSPC and lose nothing; malformed requests built
 * by hand and bad grants are refused and change nothing; a service
 * without IPC rights to DS is stopped by the kernel.
 */
#include "ctl.h"

static uint8_t blob[DS_BLOB_MAX + 1];
static uint8_t gbuf[2 * DS_BLOB_MAX];

static int pool_full(void)
{
    char key[DS_KEY_MAX];
    int n, r = OK, bad = 0;
    for (n = 0; n < 100; n++) {
        fmt_snprintf(key, sizeof(key), "pool.%02d", n);
        fill(blob, DS_BLOB_MAX, (uint8_t)n);
        if ((r = ds_publish_blob(key, blob, DS_BLOB_MAX)) != OK)
            break;
    }
    expect(r, -ENOSPC, "value pool full");
    check(n > 0, "%d blobs of DS_BLOB_MAX bytes fit", n);
    expect(ds_publish_str("pool.s", "x"), -ENOSPC, "a string does not fit either");
    expect(ds_publish_u32("pool.u", 1), OK, "a u32 needs no pool space");
    for (int i = 0; i < n; i++) {
        fmt_snprintf(key, sizeof(key), "pool.%02d", i);
        bad += !blob_is(key, DS_BLOB_MAX, (uint8_t)i);
    }
    check(bad == 0, "all %d blobs intact (%d wrong)", n, bad);
    fill(blob, DS_BLOB_MAX, 200);
    expect(ds_publish_blob("pool.00", blob, DS_BLOB_MAX), OK,
           "overwrite a blob with one of the same size in a full pool");
    check(blob_is("pool.00", DS_BLOB_MAX, 200), "pool.00 has the new bytes");
    expect(ds_delete("pool.01"), OK, "delete pool.01");
    expect(ds_publish_blob("pool.new", blob, DS_BLOB_MAX), OK, "after a delete a blob fits again");
    return n;
}

static void keys_full(int nblobs)
{
    char key[DS_KEY_MAX];
    int n, r = OK, bad = 0;
    for (n = 0; n < 1000; n++) {
        fmt_snprintf(key, sizeof(key), "k.%03d", n);
        if ((r = ds_publish_u32(key, 1000u + n)) != OK)
            break;
    }
    expect(r, -ENOSPC, "key table full");
    check(n > 0, "%d more keys fit", n);
    for (int i = 0; i < n; i++) {
        fmt_snprintf(key, sizeof(key), "k.%03d", i);
        bad += !u32_is(key, 1000u + i);
    }
    for (int i = 2; i < nblobs; i++) {
        fmt_snprintf(key, sizeof(key), "pool.%02d", i);
        bad += !blob_is(key, DS_BLOB_MAX, (uint8_t)i);
    }
    check(bad == 0 && u32_is("pool.u", 1) && blob_is("pool.00", DS_BLOB_MAX, 200),
          "every stored key still has its value (%d wrong)", bad);
    expect(ds_publish_u32("k.000", 9), OK, "overwrite an existing key in a full table");
    expect(ds_delete("k.001"), OK, "delete k.001");
    expect(ds_publish_u32("k.new", 1), OK, "a delete makes room for a new key");
    expect(ds_publish_u32("k.new2", 1), -ENOSPC, "full again");
}

static void tombstone(void)
{
    static const char *const keys[] = { "k.002" };
    uint32_t mask, del;
    int dups, n;
    expect(agent(SUB, AG_SUBSCRIBE, "k.*", 0, 0, 0).status, OK, "dssub subscribes k.*");
    expect(ds_delete("k.002"), OK, "delete k.002");
    expect(ds_publish_u32("k.new2", 1), -ENOSPC,
           "the deleted key keeps its slot until dssub has checked it");
    n = drain_checks(SUB, keys, 1, &mask, &del, &dups);
    check(n > 1 && (mask & 1) && del == 1 && !dups, "dssub checked %d keys, k.002 deleted", n);
    expect(ds_publish_u32("k.new2", 1), OK, "after the check the slot is free");
}

void scen_full(void)
{
    keys_full(pool_full());
    tombstone();
}

static int raw_status(int type, const char *key, int vtype)
{
    message m;
    raw_req(&m, type, key, vtype);
    return raw_call(&m);
}

static void bad_fields(void)
{
    char nonul[DS_KEY_MAX + 1];
    message m;
    uint32_t v;
    memset(nonul, 'k', DS_KEY_MAX);
    nonul[DS_KEY_MAX] = '\0';
    expect(raw_status(DS_BASE + DS_NR_CALLS, "m.x", DST_U32), -EBADREQUEST, "m_type DS_BASE+5");
    expect(raw_status(0x1234, "m.x", DST_U32), -EBADREQUEST, "m_type 0x1234");
    expect(raw_status(DS_PUBLISH, nonul, DST_U32), -EINVAL, "publish: key without NUL in 32 bytes");
    expect(raw_status(DS_RETRIEVE, nonul, DST_U32), -EINVAL, "retrieve: key without NUL");
    expect(raw_status(DS_DELETE, nonul, 0), -EINVAL, "delete: key without NUL");
    expect(raw_status(DS_SUBSCRIBE, nonul, 0), -EINVAL, "subscribe: pattern without NUL");
    expect(raw_status(DS_PUBLISH, "", DST_U32), -EINVAL, "publish: empty key");
    expect(raw_status(DS_SUBSCRIBE, "", 0), -EINVAL, "subscribe: empty pattern");
    expect(raw_status(DS_PUBLISH, "m.x", 0), -EINVAL, "publish: type 0");
    expect(raw_status(DS_PUBLISH, "m.x", 5), -EINVAL, "publish: type 5");
    expect(raw_status(DS_PUBLISH, "m.x", -1), -EINVAL, "publish: type -1");
    expect(raw_status(DS_RETRIEVE, "m.x", 9), -EINVAL, "retrieve: type 9");
    raw_req(&m, DS_PUBLISH, "m.x", DST_U32)->flags = 1;
    expect(raw_call(&m), -EINVAL, "publish: flags 1");
    raw_req(&m, DS_PUBLISH, "m.x", DST_LABEL)->value = 0;
    expect(raw_call(&m), -EPERM, "publish: label by dstest");
    expect(ds_retrieve_u32("m.x", &v), -ESRCH, "m.x was never stored");
    nonul[DS_KEY_MAX - 1] = '\0';
    expect(ds_retrieve_u32(nonul, &v), -ESRCH, "nor a truncated key");
}

static int grant_req(int type, const char *key, int vtype, grant_id_t g, uint32_t len,
                     uint32_t *outlen)
{
    message m;
    struct ds_req *d = raw_req(&m, type, key, vtype);
    int r;
    d->grant = g;
    d->len = len;
    r = raw_call(&m);
    if (outlen)
        *outlen = d->len;
    return r;
}

static int pub(grant_id_t g, uint32_t len, int access, uint32_t glen, int vtype)
{
    int r;
    if (g == 0)
        g = grant_create(ds_ep, gbuf, glen, access);
    r = grant_req(DS_PUBLISH, vtype == DST_STR ? "m.str" : "m.blob", vtype, g, len, 0);
    grant_revoke(g);
    return r;
}

static void bad_publish_grants(void)
{
    grant_id_t g;
    fill(gbuf, sizeof(gbuf), 3);
    g = grant_create(ds_ep, gbuf, 100, GRANT_READ);
    grant_revoke(g);
    expect(pub(g, 100, 0, 0, DST_BLOB), -EINVAL, "publish through a revoked grant");
    g = grant_create(ag[OTHER], gbuf, 100, GRANT_READ);
    expect(pub(g, 100, 0, 0, DST_BLOB), -EPERM, "publish through a grant for dsother");
    expect(pub(0, 100, GRANT_READ, 10, DST_BLOB), -ERANGE, "publish 100 bytes through a 10-byte grant");
    expect(pub(0, 100, GRANT_WRITE, 100, DST_BLOB), -EPERM, "publish through a write-only grant");
    expect(pub(0x7ffffff0, 100, 0, 0, DST_BLOB), -EINVAL, "publish through a made-up grant id");
    expect(pub(0, DS_BLOB_MAX + 1, GRANT_READ, sizeof(gbuf), DST_BLOB), -E2BIG,
           "publish blob with len DS_BLOB_MAX+1");
    check(blob_is("m.blob", 64, 3), "m.blob intact after the bad publishes");
    memcpy(gbuf, "abc", 3);
    expect(pub(0, 3, GRANT_READ, 3, DST_STR), -EINVAL, "publish string without a NUL");
    expect(pub(0, 0, GRANT_READ, 3, DST_STR), -EINVAL, "publish string of len 0");
    expect(pub(0, DS_STR_MAX + 1, GRANT_READ, sizeof(gbuf), DST_STR), -E2BIG,
           "publish string with len DS_STR_MAX+1");
    check(str_is("m.str", "good"), "m.str intact after the bad publishes");
    g = grant_create(ds_ep, gbuf, 10, GRANT_READ);
    grant_revoke(g);
    expect(grant_req(DS_PUBLISH, "m.new", DST_BLOB, g, 10, 0), -EINVAL, "publish new key, revoked grant");
    check(!blob_is("m.new", 10, 3) && ds_delete("m.new") == -ESRCH, "a failed publish creates nothing");
}

static int untouched(void)
{
    for (uint32_t i = 0; i < 100; i++)
        if (gbuf[i] != 0xee)
            return 0;
    return 1;
}

static int ret(int access, uint32_t glen, uint32_t len, int revoke)
{
    grant_id_t g = grant_create(ds_ep, gbuf, glen, access);
    int r;
    memset(gbuf, 0xee, sizeof(gbuf));
    if (revoke)
        grant_revoke(g);
    r = grant_req(DS_RETRIEVE, "m.blob", DST_BLOB, g, len, 0);
    grant_revoke(g);
    return r;
}

static void bad_retrieve_grants(void)
{
    uint32_t len = 0;
    grant_id_t g;
    int r;
    expect(ret(GRANT_READ, 100, 100, 0), -EPERM, "retrieve through a read-only grant");
    check(untouched(), "the buffer is untouched");
    expect(ret(GRANT_WRITE, 100, 100, 1), -EINVAL, "retrieve through a revoked grant");
    expect(ret(GRANT_WRITE, 10, 100, 0), -ERANGE, "retrieve 64 bytes into a 10-byte grant");
    check(untouched(), "the buffer is untouched");
    g = grant_create(ds_ep, gbuf, 100, GRANT_WRITE);
    r = grant_req(DS_RETRIEVE, "m.blob", DST_BLOB, g, 63, &len);
    grant_revoke(g);
    check(r == -E2BIG && len == 64 && untouched(),
          "retrieve with len 63: %s, len %u needed, nothing copied", dserr(r), len);
    check(blob_is("m.blob", 64, 3), "m.blob intact after the bad retrieves");
}

void scen_malformed(void)
{
    bad_fields();
    fill(blob, 64, 3);
    expect(ds_publish_blob("m.blob", blob, 64), OK, "publish m.blob");
    expect(ds_publish_str("m.str", "good"), OK, "publish m.str");
    bad_publish_grants();
    bad_retrieve_grants();
    check(u32_is("t.none", 0) == 0 && ds_publish_u32("m.u", 3) == OK && u32_is("m.u", 3),
          "DS still serves requests");
}

void scen_unpriv(void)
{
    struct ag_result res;
    uint32_t v;
    res = agent(UNPRIV, AG_PUBLISH, "u.key", DST_U32, 1, 0);
    expect(res.status, -ECALLDENIED, "publish by a service without ipc to ds");
    res = agent(UNPRIV, AG_RETRIEVE, "u.key", DST_U32, 0, 0);
    expect(res.status, -ECALLDENIED, "retrieve by a service without ipc to ds");
    res = agent(UNPRIV, AG_SUBSCRIBE, "u.*", 0, 0, 0);
    expect(res.status, -ECALLDENIED, "subscribe by a service without ipc to ds");
    expect(ds_retrieve_u32("u.key", &v), -ESRCH, "nothing was stored");
    expect(ds_publish_u32("u.key", 2), OK, "DS still serves a privileged service");
}
