/*
 * check.c - RS checks its service table on every tick against the
 * kernel's process table, the primary source: a service that is up must
 * be the live process registered under its label.  An endpoint that
 * differs while the label names a live process is put right (a damaged
 * entry would otherwise take the service's heartbeat answers for a
 * stranger's and kill it).  A service whose label names nobody is dying:
 * its death report is on the way.  rs_corrupt, for `service fi rs
 * corrupt`, damages one live entry's endpoint.
 */
#include "rs.h"

void rs_check(void)
{
    for (int i = 0; i < nservices; i++) {
        struct service *s = &services[i];
        endpoint_t live;
        if (s->state != RS_STATE_UP || s->ep == NONE ||
            sys_lookup(s->desc->label, &live) != OK || live == s->ep)
            continue;
        printf("rs: self-check: %s had endpoint %d, the kernel says %d: repaired\n",
               s->desc->label, s->ep, live);
        s->ep = live;
    }
}

void rs_corrupt(void)
{
    for (int i = 0; i < nservices; i++) {
        struct service *s = &services[i];
        if (s->state == RS_STATE_UP && s->ep != NONE) {
            s->ep = ENDPOINT((EP_GEN(s->ep) + 1) & EP_GEN_MAX, EP_SLOT(s->ep));
            printf("rs: corrupt: %s's endpoint changed to %d\n", s->desc->label, s->ep);
            return;
        }
    }
    printf("rs: corrupt: no service up\n");
}
