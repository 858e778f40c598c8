/* proto/echo.h - the test echo service (user/tests/victim, 0xE10):
 * ECHO_REQ returns m.u32[0] + 1.  Used by RS tests and the recovery bench. */
#ifndef STABILIX_PROTO_ECHO_H
#define STABILIX_PROTO_ECHO_H
#define ECHO_BASE     0xE10
#define ECHO_REQ      (ECHO_BASE + 0)
#define ECHO_NR_CALLS 1
#endif
