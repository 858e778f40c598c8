; entry.asm - entry stubs for exceptions, IRQs and the IPC trap, and
; restart(), the only way back to user mode.
;
; From ring 3 the CPU has already switched to esp0 = end of the current
; process's saved registers, so the frame lands in proc->regs; we then
; move to the kernel stack and call trap_user(frame), which never returns.
; From ring 0 (only the idle loop runs with interrupts on) the frame is on
; the kernel stack; trap_kernel() handles it and we iret back.

extern trap_user
extern ipc_trap_entry
extern trap_kernel
extern kernel_stack_top
global trap_vectors
global ipc_entry
global restart

KDATA equ 0x10
CS_OFFSET equ 60               ; offset of cs in struct trapframe

%macro STUB_NOERR 1
stub_%1:
    push 0
    push %1
    jmp trap_common
%endmacro

%macro STUB_ERR 1
stub_%1:
    push %1
    jmp trap_common
%endmacro

section .text
%assign v 0
%rep 48
  %if v == 8 || (v >= 10 && v <= 14) || v == 17 || v == 21 || v == 29 || v == 30
    STUB_ERR v
  %else
    STUB_NOERR v
  %endif
  %assign v v+1
%endrep

; Save the frame (in proc->regs from ring 3), load the kernel's segments;
; eax = the frame.
%macro SAVE_FRAME 0
    cld                         ; C code assumes DF clear; ring 3 may have set it
    pusha
    push ds
    push es
    push fs
    push gs
    mov ax, KDATA
    mov ds, ax
    mov es, ax
    mov fs, ax
    mov gs, ax
    mov eax, esp
%endmacro

; The IPC trap goes to ipc_trap_entry (ipc_fast.c); from ring 0 (never
; legitimate) it is a kernel exception like any other.
ipc_entry:
    push 0
    push 0x30
    SAVE_FRAME
    test dword [esp + CS_OFFSET], 3
    jz trap_common.from_kernel
    mov esp, [kernel_stack_top]
    push eax
    call ipc_trap_entry         ; does not return

trap_common:
    SAVE_FRAME
    test dword [esp + CS_OFFSET], 3
    jz .from_kernel
    mov esp, [kernel_stack_top]
    push eax
    call trap_user              ; does not return
.from_kernel:
    push eax
    call trap_kernel
    add esp, 4
    jmp pop_frame

; restart(struct trapframe *tf): resume the process whose frame this is.
restart:
    mov esp, [esp + 4]
pop_frame:
    pop gs
    pop fs
    pop es
    pop ds
    popa
    add esp, 8                  ; vector, error code
    iret

section .rodata
align 4
trap_vectors:
%assign v 0
%rep 48
    dd stub_ %+ v
  %assign v v+1
%endrep
