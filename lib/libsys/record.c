/*
 * record.c - exactly once across a server's restart, for a server whose
 * client numbers its requests (sef.h, struct srv_record).
 *
 * The client (VFS, for a file system or a driver) puts a request number
 * in the request; when its call meets the dead server it sends the same
 * request, same number, with SRV_AGAIN set, to the restarted instance.
 * The server keeps one srv_record in its state region: record_answer
 * stores the number and the whole reply just before the reply leaves;
 * record_again, before the request is handled, answers a repeat of the
 * recorded number from the record.  A repeat of another number was never
 * answered, so it runs as new, unless the last instance failed inside
 * its handler (sef_cut_short): then it may be half done, and fails with
 * EIO.  One record is enough for a client with one request outstanding
 * at a time.
 */
#include "sef.h"

int record_again(struct srv_record *r, uint32_t seq, message *m)
{
    r->cur = seq & ~SRV_AGAIN;
    if (!(seq & SRV_AGAIN) || !r->cur)
        return SRV_GO_ON;
    if (r->seq != r->cur && sef_cut_short(m->m_source)) {
        char label[16] = "?";
        endpoint_t self;
        sys_self(&self, label);
        printf("%s: request %u was cut short by my failure: EIO\n", label, r->cur);
        return -EIO;
    }
    if (r->seq != r->cur)
        return SRV_GO_ON;
    memcpy(m->m.raw, r->body, MSG_PAYLOAD);
    return r->status;
}

void record_answer(struct srv_record *r, const message *m)
{
    if (!r->cur)
        return;
    r->seq = r->cur;
    r->status = m->m_type;
    memcpy(r->body, m->m.raw, MSG_PAYLOAD);
}
