/*
 * proto/counter.h - the demonstration counter service (0xE00, examples).
 * COUNTER_INC adds one and returns the new count in m.u32[0]; COUNTER_GET
 * returns it.  The count lives in DS ("counter.value"), so it continues
 * where it stopped after the service is restarted.
 */
#ifndef STABILIX_PROTO_COUNTER_H
#define STABILIX_PROTO_COUNTER_H
#define COUNTER_BASE     0xE00
#define COUNTER_INC      (COUNTER_BASE + 0)
#define COUNTER_GET      (COUNTER_BASE + 1)
#define COUNTER_NR_CALLS 2
#define COUNTER_KEY      "counter.value"
#endif
