/*
 * subscribe.c - subscriptions: DS_SUBSCRIBE, DS_CHECK, and the dirty
 * bits that record which subscriber has not yet seen which change.
 *
 * Interface:
 *   sub_init()       no subscribers
 *   sub_changed(e)   e was published or deleted: mark it dirty for every
 *                    subscriber with a matching pattern and notify them
 *   do_subscribe(m)  key = pattern: an exact key, or a prefix ending in
 *                    '*' ("*" alone matches every key)
 *   do_check(m)      one changed key (key, type, flags DSF_DELETED,
 *                    value or len) per call, -ESRCH when none is left
 *
 * A subscriber is a label, not an endpoint: a restarted service keeps
 * its patterns and the changes it has not checked yet.  Its endpoint is
 * refreshed by each of its requests, and looked up again by label when a
 * notification finds the old one dead.  Subscribing again with the same
 * pattern changes nothing but sends a notification if changes are
 * pending (what a restarted service does in its init).  A new pattern
 * marks every existing matching key dirty, so the subscriber learns the
 * current state through DS_CHECK.
 *
 * Invariants:
 *   - subscriber s is in use iff subs[s].label[0] != 0; slots are never
 *     released (the protocol has no unsubscribe), so no entry carries the
 *     bit of an unused slot;
 *   - every pattern in use belongs to a subscriber in use;
 *   - a dirty bit that is set was followed by a notification attempt,
 *     and is cleared only by the DS_CHECK that reports that entry; a
 *     tombstone is freed by the check that clears its last bit.
 */
#include "ds.h"

struct subscriber {
    char label[DS_LABEL_MAX];   /* "" = free */
    endpoint_t ep;              /* last known endpoint of that label */
};

struct pattern {
    int sub;                    /* owning subscriber, -1 = free */
    char text[DS_KEY_MAX];
};

static struct subscriber subs[DS_NR_SUBSCRIBERS] STATE;    /* kept across a restart */
static struct pattern pats[DS_NR_PATTERNS] STATE;

void sub_init(void)
{
    memset(subs, 0, sizeof(subs));
    memset(pats, 0, sizeof(pats));
    for (int p = 0; p < DS_NR_PATTERNS; p++)
        pats[p].sub = -1;
}

static int terminated(const char *s, size_t n)
{
    return strnlen(s, n) < n;
}

/* The invariants above, on tables inherited from a previous instance:
 * NULL when they hold, else what is wrong. */
const char *sub_check(void)
{
    uint32_t in_use = 0;
    for (int s = 0; s < DS_NR_SUBSCRIBERS; s++) {
        if (!terminated(subs[s].label, sizeof(subs[s].label)))
            return "a subscriber label without its NUL";
        if (subs[s].label[0])
            in_use |= 1u << s;
    }
    for (int p = 0; p < DS_NR_PATTERNS; p++) {
        if (pats[p].sub == -1)
            continue;
        if (pats[p].sub < 0 || pats[p].sub >= DS_NR_SUBSCRIBERS || !(in_use >> pats[p].sub & 1))
            return "a pattern of no subscriber";
        if (!terminated(pats[p].text, sizeof(pats[p].text)))
            return "a pattern without its NUL";
    }
    for (int i = 0; i < DS_NR_ENTRIES; i++)
        if (store_at(i)->dirty & ~in_use)
            return "a dirty bit of no subscriber";
    return NULL;
}

/* Repair (every heartbeat, check.c): the derived parts put right, the
 * subscribers (primary) trusted: a pattern of a free slot is dropped, a
 * dirty bit of a free slot cleared (a tombstone left with none is freed).
 * How many were wrong. */
int sub_repair(void)
{
    uint32_t in_use = 0;
    int fixed = 0;
    for (int s = 0; s < DS_NR_SUBSCRIBERS; s++)
        if (terminated(subs[s].label, sizeof(subs[s].label)) && subs[s].label[0])
            in_use |= 1u << s;
    for (int p = 0; p < DS_NR_PATTERNS; p++) {
        if (pats[p].sub == -1)
            continue;
        if (pats[p].sub < 0 || pats[p].sub >= DS_NR_SUBSCRIBERS || !(in_use >> pats[p].sub & 1) ||
            !terminated(pats[p].text, sizeof(pats[p].text))) {
            memset(&pats[p], 0, sizeof(pats[p]));
            pats[p].sub = -1;
            fixed++;
        }
    }
    for (int i = 0; i < DS_NR_ENTRIES; i++) {
        struct entry *e = store_at(i);
        if (e->dirty & ~in_use) {
            e->dirty &= in_use;
            store_settle(e);
            fixed++;
        }
    }
    return fixed;
}

/* service fi ds corrupt: a change marked for a subscriber that does not
 * exist. */
void sub_corrupt(void)
{
    for (int s = DS_NR_SUBSCRIBERS - 1; s >= 0; s--) {
        if (subs[s].label[0])
            continue;
        for (int i = 0; i < DS_NR_ENTRIES; i++) {
            if (store_at(i)->state == E_LIVE) {
                store_at(i)->dirty |= 1u << s;
                printf("ds: corrupt: key %s marked changed for subscriber slot %d, which is free\n",
                       store_at(i)->key, s);
                return;
            }
        }
    }
    printf("ds: corrupt: no free subscriber slot\n");
}

static int matches(const char *pat, const char *key)
{
    size_t n = strlen(pat);
    if (n > 0 && pat[n - 1] == '*')
        return strncmp(pat, key, n - 1) == 0;
    return strcmp(pat, key) == 0;
}

static int wants(int s, const char *key)
{
    for (int p = 0; p < DS_NR_PATTERNS; p++)
        if (pats[p].sub == s && matches(pats[p].text, key))
            return 1;
    return 0;
}

/* Notify subscriber s, at its new endpoint if the old one is gone. */
static void wake(int s)
{
    endpoint_t ep;
    if (ipc_notify(subs[s].ep) == OK)
        return;
    if (sys_lookup(subs[s].label, &ep) == OK && ep != subs[s].ep) {
        subs[s].ep = ep;
        ipc_notify(ep);
    }
}

void sub_changed(struct entry *e)
{
    for (int s = 0; s < DS_NR_SUBSCRIBERS; s++) {
        if (subs[s].label[0] == '\0' || !wants(s, e->key))
            continue;
        e->dirty |= 1u << s;
        store_touch(e);
        wake(s);
    }
}

static int find_sub(const char *label)
{
    for (int s = 0; s < DS_NR_SUBSCRIBERS; s++)
        if (subs[s].label[0] != '\0' && strcmp(subs[s].label, label) == 0)
            return s;
    return -1;
}

static int new_sub(const char *label)
{
    for (int s = 0; s < DS_NR_SUBSCRIBERS; s++) {
        if (subs[s].label[0] == '\0') {
            strlcpy(subs[s].label, label, sizeof(subs[s].label));
            return s;
        }
    }
    return -ENOSPC;
}

static int has_pattern(int s, const char *text)
{
    for (int p = 0; p < DS_NR_PATTERNS; p++)
        if (pats[p].sub == s && strcmp(pats[p].text, text) == 0)
            return 1;
    return 0;
}

static int free_pattern(void)
{
    for (int p = 0; p < DS_NR_PATTERNS; p++)
        if (pats[p].sub < 0)
            return p;
    return -ENOSPC;
}

/* Mark every live key matching text dirty for s. */
static void mark_existing(int s, const char *text)
{
    struct entry *e;
    for (int i = 0; (e = store_at(i)); i++)
        if (e->state == E_LIVE && matches(text, e->key)) {
            e->dirty |= 1u << s;
            store_touch(e);
        }
}

static struct entry *first_dirty(int s)
{
    struct entry *e;
    for (int i = 0; (e = store_at(i)); i++)
        if (e->state != E_FREE && (e->dirty & (1u << s)))
            return e;
    return NULL;
}

/* Add pattern text for label (nothing if it has it already). */
static int add_pattern(const char *label, const char *text)
{
    int s = find_sub(label), p;
    if (s >= 0 && has_pattern(s, text))
        return s;
    if ((p = free_pattern()) < 0)
        return p;
    if (s < 0 && (s = new_sub(label)) < 0)
        return s;
    pats[p].sub = s;
    strlcpy(pats[p].text, text, sizeof(pats[p].text));
    mark_existing(s, text);
    return s;
}

int do_subscribe(message *m)
{
    struct ds_req *rq = MSG_BODY(m, struct ds_req);
    char label[DS_LABEL_MAX];
    int r, s;
    if ((r = req_key(rq->key)) != OK)
        return r;
    if (rq->flags != 0)
        return -EINVAL;
    if ((r = req_caller(m->m_source, label)) != OK)
        return r;
    if ((s = add_pattern(label, rq->key)) < 0)
        return s;
    subs[s].ep = m->m_source;
    if (first_dirty(s))
        ipc_notify(m->m_source);
    return OK;
}

/* Fill the reply with e's change and clear s's bit. */
static void report(struct ds_req *rq, struct entry *e, int s)
{
    memset(rq, 0, sizeof(*rq));
    strlcpy(rq->key, e->key, sizeof(rq->key));
    rq->type = e->type;
    if (e->state == E_DELETED)
        rq->flags = DSF_DELETED;
    else if (store_is_mem(e->type))
        rq->len = e->len;
    else
        rq->value = e->value;
    e->dirty &= ~(1u << s);
    store_settle(e);
}

int do_check(message *m)
{
    struct ds_req *rq = MSG_BODY(m, struct ds_req);
    char label[DS_LABEL_MAX];
    struct entry *e;
    int r, s;
    if ((r = req_caller(m->m_source, label)) != OK)
        return r;
    if ((s = find_sub(label)) < 0)
        return -ESRCH;
    subs[s].ep = m->m_source;
    if (!(e = first_dirty(s)))
        return -ESRCH;
    report(rq, e, s);
    return OK;
}
