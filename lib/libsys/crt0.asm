; crt0.asm - entry of every libsys program: call main(), then exit with
; its return value.  The kernel starts us with ESP at the stack top.
section .text.start
global _start
extern main
extern sys_exit
_start:
    push 0                  ; end of the frame-pointer chain
    call main
    push eax
    call sys_exit
.hang:
    jmp .hang
