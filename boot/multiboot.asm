; multiboot.asm - multiboot2 header and the 32-bit entry point.
;
; GRUB enters _start in protected mode with paging off, EAX = the
; multiboot2 magic and EBX = the physical address of the boot information.
; We switch to the boot stack and call kmain(magic, info); kmain never
; returns.  Paging is set up in C (kernel/paging.c): the kernel runs
; identity-mapped, so no higher-half trampoline is needed here.

MB2_MAGIC     equ 0xe85250d6
MB2_ARCH_I386 equ 0

section .multiboot
align 8
mb2_header:
    dd MB2_MAGIC
    dd MB2_ARCH_I386
    dd mb2_header_end - mb2_header
    dd -(MB2_MAGIC + MB2_ARCH_I386 + (mb2_header_end - mb2_header))
    ; module alignment tag: modules start on page boundaries
    align 8
    dw 6, 0
    dd 8
    ; end tag
    align 8
    dw 0, 0
    dd 8
mb2_header_end:

section .bss
align 16
global boot_stack_top
boot_stack:
    resb 16384
boot_stack_top:

section .text
global _start
extern kmain
_start:
    cli
    mov esp, boot_stack_top
    push 0                      ; end of frame-pointer chain
    push ebx
    push eax
    call kmain
.hang:
    hlt
    jmp .hang
