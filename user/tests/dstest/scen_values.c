/*
 * scen_values.c - every value type, overwrite (also changing the type),
 * delete, and ownership of keys by the publisher's label.
 */
#include "ctl.h"

static uint8_t blob[DS_BLOB_MAX + 1], back[DS_BLOB_MAX + 1];

static void scalar_types(void)
{
    uint32_t v = 0;
    endpoint_t ep = 0;
    int r;
    expect(ds_publish_u32("t.u32", 42), OK, "publish u32");
    r = ds_retrieve_u32("t.u32", &v);
    check(r == OK && v == 42, "retrieve u32: %s value %u", dserr(r), v);
    expect(ds_publish_label("t.label", self_ep), -EPERM, "publish label by dstest (not rs)");
    expect(ds_retrieve_label("t.label", &ep), -ESRCH, "refused label was not stored");
    expect(ds_retrieve_u32("t.none", &v), -ESRCH, "retrieve a missing key");
    r = agent(OTHER, AG_RETRIEVE, "t.u32", DST_U32, 0, 0).status;
    check(r == OK && u32_is("t.u32", 42), "retrieve by another service: %s", dserr(r));
}

static void string_type(void)
{
    char s[DS_STR_MAX + 8];
    int r;
    expect(ds_publish_str("t.str", "hello, world"), OK, "publish string");
    r = ds_retrieve_str("t.str", s, sizeof(s));
    check(r == OK && strcmp(s, "hello, world") == 0, "retrieve string: %s '%s'", dserr(r), s);
    expect(ds_retrieve_str("t.str", s, 13), OK, "retrieve string into exactly 13 bytes");
    expect(ds_retrieve_str("t.str", s, 12), -E2BIG, "retrieve string into 12 bytes");
    memset(s, 'x', sizeof(s));
    s[DS_STR_MAX - 1] = '\0';
    expect(ds_publish_str("t.long", s), OK, "publish string of DS_STR_MAX bytes");
    check(str_is("t.long", s), "retrieve the longest string");
    s[DS_STR_MAX - 1] = 'x';
    s[DS_STR_MAX] = '\0';
    expect(ds_publish_str("t.long", s), -E2BIG, "publish string of DS_STR_MAX+1 bytes");
    s[DS_STR_MAX - 1] = '\0';
    check(str_is("t.long", s), "the longest string is intact");
}

static void blob_type(void)
{
    uint32_t len = 100;
    message m;
    struct ds_req *d;
    int r;
    fill(blob, 300, 1);
    expect(ds_publish_blob("t.blob", blob, 300), OK, "publish blob of 300 bytes");
    check(blob_is("t.blob", 300, 1), "retrieve blob of 300 bytes");
    expect(ds_retrieve_blob("t.blob", back, &len), -E2BIG, "retrieve blob into 100 bytes");
    d = raw_req(&m, DS_RETRIEVE, "t.blob", DST_BLOB);
    d->grant = grant_create(ds_ep, back, 100, GRANT_WRITE);
    d->len = 100;
    r = raw_call(&m);
    grant_revoke(d->grant);
    check(r == -E2BIG && d->len == 300, "too small: %s and len = %u needed", dserr(r), d->len);
    fill(blob, DS_BLOB_MAX + 1, 2);
    expect(ds_publish_blob("t.max", blob, DS_BLOB_MAX), OK, "publish blob of DS_BLOB_MAX");
    check(blob_is("t.max", DS_BLOB_MAX, 2), "retrieve blob of DS_BLOB_MAX");
    expect(ds_publish_blob("t.max", blob, DS_BLOB_MAX + 1), -E2BIG,
           "publish blob of DS_BLOB_MAX+1");
    check(blob_is("t.max", DS_BLOB_MAX, 2), "the largest blob is intact");
    /* an empty blob needs no grant (grant_create refuses length 0) */
    d = raw_req(&m, DS_PUBLISH, "t.empty", DST_BLOB);
    expect(raw_call(&m), OK, "publish empty blob (len 0, no grant)");
    d = raw_req(&m, DS_RETRIEVE, "t.empty", DST_BLOB);
    r = raw_call(&m);
    check(r == OK && d->len == 0, "retrieve empty blob: %s len %u", dserr(r), d->len);
}

void scen_types(void)
{
    uint32_t v;
    char s[16];
    scalar_types();
    string_type();
    blob_type();
    expect(ds_retrieve_u32("t.str", &v), -EINVAL, "retrieve string as u32");
    expect(ds_retrieve_str("t.u32", s, sizeof(s)), -EINVAL, "retrieve u32 as string");
    v = sizeof(s);
    expect(ds_retrieve_blob("t.str", s, &v), -EINVAL, "retrieve string as blob");
    check(u32_is("t.u32", 42) && str_is("t.str", "hello, world") && blob_is("t.blob", 300, 1),
          "every value is still intact");
}

void scen_overwrite(void)
{
    uint32_t v = 0;
    fill(blob, 200, 5);
    expect(ds_publish_u32("o.a", 1), OK, "publish o.a = 1");
    expect(ds_publish_u32("o.a", 2), OK, "overwrite o.a = 2");
    check(u32_is("o.a", 2), "o.a is 2");
    expect(ds_publish_str("o.b", "first"), OK, "publish o.b = 'first'");
    expect(ds_publish_blob("o.c", blob, 200), OK, "publish blob o.c after it");
    expect(ds_publish_str("o.b", "second, a longer value"), OK, "overwrite o.b longer");
    check(str_is("o.b", "second, a longer value"), "o.b has the new string");
    check(blob_is("o.c", 200, 5), "o.c intact after o.b moved in the pool");
    expect(ds_publish_str("o.a", "now a string"), OK, "overwrite u32 o.a with a string");
    check(str_is("o.a", "now a string"), "o.a is a string");
    expect(ds_retrieve_u32("o.a", &v), -EINVAL, "o.a as u32 after the type change");
    expect(ds_publish_u32("o.b", 7), OK, "overwrite string o.b with a u32");
    check(u32_is("o.b", 7) && blob_is("o.c", 200, 5), "o.b is 7 and o.c intact");
    fill(blob, 20, 9);
    expect(ds_publish_blob("o.c", blob, 20), OK, "overwrite blob o.c with a smaller one");
    check(blob_is("o.c", 20, 9), "o.c has the new 20 bytes");
    check(str_is("o.a", "now a string"), "o.a still intact");
}

void scen_delete(void)
{
    uint32_t v = 0;
    int r;
    expect(ds_publish_u32("d.a", 5), OK, "publish d.a");
    expect(ds_publish_str("d.s", "to be deleted"), OK, "publish d.s");
    expect(ds_publish_str("d.t", "stays"), OK, "publish d.t");
    r = agent(OTHER, AG_DELETE, "d.a", 0, 0, 0).status;
    expect(r, -EPERM, "delete by another service");
    check(u32_is("d.a", 5), "d.a intact after the refused delete");
    expect(ds_delete("d.a"), OK, "delete d.a by its owner");
    expect(ds_retrieve_u32("d.a", &v), -ESRCH, "retrieve after delete");
    expect(ds_delete("d.a"), -ESRCH, "delete again");
    expect(ds_delete("d.never"), -ESRCH, "delete a key that never existed");
    expect(ds_delete("d.s"), OK, "delete string d.s");
    check(str_is("d.t", "stays"), "d.t intact after d.s left the pool");
    r = agent(OTHER, AG_PUBLISH, "d.a", DST_U32, 77, 0).status;
    expect(r, OK, "dsother publishes the deleted key d.a");
    expect(ds_publish_u32("d.a", 1), -EPERM, "d.a now belongs to dsother");
    check(u32_is("d.a", 77), "d.a is dsother's 77");
    expect(ds_publish_u32("d.a2", 3), OK, "publish again after deletes");
}

void scen_ownership(void)
{
    struct ag_result res;
    expect(ds_publish_u32("own.key", 1), OK, "dstest publishes own.key");
    res = agent(OTHER, AG_PUBLISH, "own.key", DST_U32, 99, 0);
    expect(res.status, -EPERM, "dsother overwrites own.key");
    res = agent(OTHER, AG_PUBLISH, "own.key", DST_STR, 0, "mine");
    expect(res.status, -EPERM, "dsother overwrites own.key with a string");
    res = agent(OTHER, AG_DELETE, "own.key", 0, 0, 0);
    expect(res.status, -EPERM, "dsother deletes own.key");
    check(u32_is("own.key", 1), "own.key intact");
    expect(ds_publish_u32("own.key", 2), OK, "dstest overwrites own.key");
    check(u32_is("own.key", 2), "own.key is 2");
    res = agent(OTHER, AG_RETRIEVE, "own.key", DST_U32, 0, 0);
    check(res.status == OK && res.value == 2, "dsother may read own.key: %s %u",
          dserr(res.status), res.value);
    res = agent(OTHER, AG_PUBLISH, "other.key", DST_U32, 10, 0);
    expect(res.status, OK, "dsother publishes other.key");
    expect(ds_publish_u32("other.key", 0), -EPERM, "dstest overwrites other.key");
    expect(ds_delete("other.key"), -EPERM, "dstest deletes other.key");
    res = agent(OTHER, AG_PUBLISH, "other.key", DST_U32, 11, 0);
    expect(res.status, OK, "dsother overwrites other.key");
    check(u32_is("other.key", 11), "other.key is 11");
}
