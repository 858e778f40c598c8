/*
 * scen_restart.c - keys and subscriptions belong to labels, not to
 * endpoints: an agent is killed and started again from its image (new
 * endpoint, same label); the new one still owns its keys, and a
 * restarted subscriber gets the changes it missed, each once.
 */
#include "ctl.h"

static const char *const rst_keys[] = { "rst.key", "rst.mine" };

static void before(endpoint_t *old_other, endpoint_t *old_sub)
{
    uint32_t mask, del;
    int dups, n;
    expect(agent(SUB, AG_SUBSCRIBE, "rst.*", 0, 0, 0).status, OK, "dssub subscribes rst.*");
    expect(agent(OTHER, AG_PUBLISH, "rst.key", DST_U32, 1, 0).status, OK,
           "dsother publishes rst.key");
    expect(agent(SUB, AG_WAIT, "", 0, 200, 0).status, OK, "dssub notified");
    n = drain_checks(SUB, rst_keys, 2, &mask, &del, &dups);
    check(n == 1 && mask == 1 && !dups, "dssub checked rst.key (%d keys)", n);
    *old_other = ag[OTHER];
    *old_sub = ag[SUB];
    expect(agent_kill(OTHER), OK, "kill dsother");
    expect(agent_kill(SUB), OK, "kill dssub");
}

void scen_restart(void)
{
    endpoint_t old_other, old_sub;
    uint32_t v = 0, mask, del;
    int dups, n, r;
    before(&old_other, &old_sub);
    expect(ds_publish_u32("rst.key", 5), -EPERM, "dstest overwrites rst.key while dsother is dead");
    expect(ds_publish_u32("rst.mine", 5), OK, "dstest publishes rst.mine while dssub is dead");
    expect(agent_spawn(OTHER), OK, "start dsother again");
    expect(agent_spawn(SUB), OK, "start dssub again");
    check(ag[OTHER] != old_other && ag[SUB] != old_sub, "new endpoints (%d -> %d, %d -> %d)",
          old_other, ag[OTHER], old_sub, ag[SUB]);
    expect(agent(OTHER, AG_PUBLISH, "rst.key", DST_U32, 2, 0).status, OK,
           "restarted dsother overwrites rst.key");
    r = ds_retrieve_u32("rst.key", &v);
    check(r == OK && v == 2, "rst.key is %u: %s", v, dserr(r));
    expect(ds_publish_u32("rst.key", 6), -EPERM, "dstest still may not overwrite rst.key");
    expect(agent(OTHER, AG_DELETE, "rst.key", 0, 0, 0).status, OK,
           "restarted dsother deletes rst.key");
    expect(agent(SUB, AG_SUBSCRIBE, "rst.*", 0, 0, 0).status, OK,
           "restarted dssub subscribes rst.* again");
    expect(agent(SUB, AG_WAIT, "", 0, 200, 0).status, OK, "restarted dssub notified");
    n = drain_checks(SUB, rst_keys, 2, &mask, &del, &dups);
    check(n == 2 && mask == 3 && !dups, "restarted dssub gets rst.key and rst.mine once each (%d keys)", n);
    check(del == 1, "rst.key reported deleted, rst.mine not (mask 0x%x)", del);
}
