/*
 * layout_i386.c - the i386 ABI layout, compiled with the kernel's -m32
 * flags (never run: the host cannot execute i386 code).
 *
 * The _Static_asserts stop `make unit` when the message layout changes.
 * Every ENTRY also lands as a record {name, value} in section .abi_layout
 * of build/abi/layout_i386.o; tests/test_unit.py reads the records back
 * (objcopy) and compares them with what the host side assumes: the
 * message ABI, payload sizes, and the struct proc / trapframe offsets
 * that tools/inject/faults.py uses to read guest memory.
 */
#include <stddef.h>
#include <stdint.h>

#include "ipc.h"
#include "proto/sys.h"
#include "arch.h"
#include "proc.h"

struct abi_record { char name[40]; uint32_t value; };

#define ENTRY(id, expr) { #id, (uint32_t)(expr) }
#define SIZE(t)        ENTRY(sizeof_##t, sizeof(struct t))
#define OFF(t, f)      ENTRY(t##__##f, offsetof(struct t, f))

_Static_assert(sizeof(void *) == 4, "built for i386");
_Static_assert(sizeof(message) == 64, "message is 64 bytes");
_Static_assert(offsetof(message, m_source) == 0, "m_source at 0");
_Static_assert(offsetof(message, m_type) == 4, "m_type at 4");
_Static_assert(offsetof(message, m) == 8, "payload at 8");
_Static_assert(sizeof(((message *)0)->m) == MSG_PAYLOAD && MSG_PAYLOAD == 56, "56-byte payload");

__attribute__((section(".abi_layout"), used))
static const struct abi_record layout[] = {
    ENTRY(sizeof_pointer, sizeof(void *)),
    ENTRY(sizeof_message, sizeof(message)),
    ENTRY(message__m_source, offsetof(message, m_source)),
    ENTRY(message__m_type, offsetof(message, m_type)),
    ENTRY(message__m, offsetof(message, m)),
    ENTRY(msg_payload, MSG_PAYLOAD),

    SIZE(sys_kill),
    SIZE(sys_exit),
    SIZE(sys_safecopy),
    SIZE(sys_irqctl),
    SIZE(sys_devio),
    SIZE(sys_mapdev),
    SIZE(sys_getinfo),
    SIZE(sys_klog),
    SIZE(sys_procinfo),
    SIZE(sys_meminfo),
    SIZE(sys_stab),
    SIZE(sys_getarg),
    SIZE(sys_diag),
    SIZE(sys_shutdown),
    SIZE(sys_getksig),
    SIZE(sys_setalarm),
    SIZE(sys_spawn),
    SIZE(sys_exec),
    SIZE(sys_sigframe),
    SIZE(sys_sigreturn),
    SIZE(sys_stop),
    SIZE(sys_module),
    OFF(sys_safecopy, len),
    OFF(sys_getinfo, label),
    OFF(sys_stab, count),
    OFF(sys_stab, nmis),
    OFF(sys_exec, new_ep),
    OFF(sys_exec, user),

    SIZE(trapframe),
    OFF(trapframe, eip),
    OFF(trapframe, cs),
    OFF(trapframe, esp),
    OFF(proc, pgdir),
    OFF(proc, flags),
    OFF(proc, name),
    SIZE(proc),
    ENTRY(nr_procs, NR_PROCS),
};
