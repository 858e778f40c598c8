/*
 * stress - 8 clients call 2 servers 12,500 times each (100,000 calls,
 * 200,000 messages).  Every request carries a per-(client, server)
 * sequence number and a checksum over its payload; servers check both and
 * echo them; clients check the replies.  The controller adds up what
 * everybody saw: nothing may be lost, duplicated or corrupted.  Each
 * client also folds every reply word it received into a digest, which
 * the controller prints and tests/system/test_stress.py recomputes.
 */
#include "libsys.h"

#define NR_CLIENTS 8
#define NR_SERVERS 2
#define CALLS      12500
#define ST_REQ     0x4201
#define ST_REP     0x4202
#define ST_DONE    0x4203
#define ST_STATS   0x4204

static uint32_t sum(const message *m)
{
    uint32_t s = 0x9e3779b9;
    for (int i = 0; i < 13; i++)
        s = (s ^ m->m.u32[i]) * 16777619u;
    return s;
}

static void client(int id)
{
    endpoint_t srv[NR_SERVERS], ctl;
    uint32_t seq[NR_SERVERS] = { 0, 0 }, rnd = (uint32_t)id * 2654435761u + 1;
    uint32_t bad = 0, digest = 0x811c9dc5;
    message m;
    sys_lookup("stress_s0", &srv[0]);
    sys_lookup("stress_s1", &srv[1]);
    sys_lookup("stress_ctl", &ctl);
    for (int n = 0; n < CALLS; n++) {
        int s = (n + id) % NR_SERVERS;
        uint32_t want;
        m.m_type = ST_REQ;
        m.m.u32[0] = (uint32_t)id;
        m.m.u32[1] = seq[s]++;
        for (int i = 2; i < 13; i++)
            m.m.u32[i] = rnd = rnd * 1103515245u + 12345u;
        m.m.u32[13] = want = sum(&m);
        if (ipc_call(srv[s], &m) != OK || m.m_type != ST_REP ||
            m.m_source != srv[s] || m.m.u32[0] != want || m.m.u32[1] != seq[s] - 1)
            bad++;
        for (int i = 0; i < 14; i++)
            digest = (digest ^ m.m.u32[i]) * 16777619u;
    }
    memset(&m, 0, sizeof(m));
    m.m_type = ST_DONE;
    m.m.u32[0] = (uint32_t)id;
    m.m.u32[1] = bad;
    m.m.u32[2] = digest;
    ipc_send(ctl, &m);
}

static void server(void)
{
    uint32_t next[NR_CLIENTS] = { 0 }, got[NR_CLIENTS] = { 0 };
    uint32_t lost = 0, dup = 0, corrupt = 0;
    message m;
    for (;;) {
        if (ipc_receive(ANY, &m) != OK)
            continue;
        if (m.m_type == ST_STATS) {
            memset(&m.m, 0, sizeof(m.m));
            for (int i = 0; i < NR_CLIENTS; i++)
                m.m.u32[i] = got[i];
            m.m.u32[8] = lost;
            m.m.u32[9] = dup;
            m.m.u32[10] = corrupt;
            ipc_sendnb(m.m_source, &m);
            continue;
        }
        uint32_t id = m.m.u32[0], seq = m.m.u32[1];
        if (m.m_type != ST_REQ || id >= NR_CLIENTS || sum(&m) != m.m.u32[13]) {
            corrupt++;
            continue;
        }
        if (seq > next[id]) lost += seq - next[id];
        if (seq < next[id]) dup++;
        next[id] = seq + 1;
        got[id]++;
        m.m_type = ST_REP;
        m.m.u32[0] = m.m.u32[13];
        ipc_sendnb(m.m_source, &m);
    }
}

static void controller(void)
{
    uint32_t bad = 0, total[NR_CLIENTS] = { 0 }, lost = 0, dup = 0, corrupt = 0;
    uint32_t digest[NR_CLIENTS] = { 0 };
    uint32_t t0 = sys_uptime();
    endpoint_t srv;
    message m;
    int ok = 1;
    for (int n = 0; n < NR_CLIENTS; n++) {
        ipc_receive(ANY, &m);
        bad += m.m.u32[1];
        if (m.m_type == ST_DONE && m.m.u32[0] < NR_CLIENTS)
            digest[m.m.u32[0]] = m.m.u32[2];
    }
    for (int s = 0; s < NR_SERVERS; s++) {
        sys_lookup(s ? "stress_s1" : "stress_s0", &srv);
        memset(&m, 0, sizeof(m));
        m.m_type = ST_STATS;
        ipc_call(srv, &m);
        for (int i = 0; i < NR_CLIENTS; i++)
            total[i] += m.m.u32[i];
        lost += m.m.u32[8];
        dup += m.m.u32[9];
        corrupt += m.m.u32[10];
    }
    for (int i = 0; i < NR_CLIENTS; i++) {
        printf("stress: client %d: %u calls served\n", i, total[i]);
        printf("stress: client %d: reply digest %08x\n", i, digest[i]);
        ok &= total[i] == CALLS;
    }
    ok &= !bad && !lost && !dup && !corrupt;
    printf("stress: %d calls (%d messages) in %u ticks: %u bad replies, %u lost, "
           "%u duplicated, %u corrupted\n", NR_CLIENTS * CALLS, 2 * NR_CLIENTS * CALLS,
           sys_uptime() - t0, bad, lost, dup, corrupt);
    printf("stress: %s\n", ok ? "PASS" : "FAIL");
    sys_shutdown(SD_POWEROFF, !ok);
}

int main(void)
{
    char label[16];
    endpoint_t self;
    sys_self(&self, label);
    if (strcmp(label, "stress_ctl") == 0)
        controller();
    else if (strncmp(label, "stress_s", 8) == 0)
        server();
    else if (strncmp(label, "stress_c", 8) == 0)
        client(label[8] - '0');
    return 0;
}
