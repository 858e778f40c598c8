/* counter.h - the counter service's state and handlers (see proto/counter.h). */
#ifndef COUNTER_COUNTER_H
#define COUNTER_COUNTER_H
#include "sef.h"
#include "proto/counter.h"
extern uint32_t count;
int do_inc(message *m);
int do_get(message *m);
#endif
