; crt0.asm - entry of POSIX programs (newlib + lib/libc).  PM starts a
; program with ESP at its initial stack: argc, argv[], NULL, envp[], NULL,
; the PM_AT_* endpoint pairs (proto/pm.h).  __libc_start (start.c) takes
; that address, sets up the C library, runs main and exits.
section .text.start
global _start
extern __libc_start
_start:
    mov eax, esp
    xor ebp, ebp            ; end of the frame-pointer chain
    and esp, -16
    sub esp, 12             ; the callee sees a 16-byte aligned call
    push eax
    call __libc_start
.hang:
    jmp .hang
