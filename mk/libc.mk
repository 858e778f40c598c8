# libc.mk - lib/libc (crt0 and the system-call layer over newlib) and the
# POSIX programs linked with it (mk/posix.mk lists them): build/posix/<name>.
# Included by the top-level Makefile after mk/newlib.mk and mk/posix.mk.
#
#   make posix          every program of POSIX_PROGS, linked for Stabilix
#
# A program = crt0 + its objects + libposix.a (lib/libc) + newlib's libc
# and libm + libsys (IPC, grants; without its string functions) + libgcc.

PX          := $(B)/px
LIBC_SRC    := $(wildcard lib/libc/*.c)
LIBC_OBJ    := $(patsubst %.c,$(PX)/%.o,$(LIBC_SRC))
LIBC        := $(B)/libposix.a
LIBC_CRT0   := $(PX)/lib/libc/crt0.o
PX_CFLAGS   := $(POSIX_NL_CFLAGS) -iquote lib/include -iquote lib/common

$(PX)/%.o: %.c $(NEWLIB_STAMP)
	@mkdir -p $(dir $@)
	@echo "  PXCC    $<"
	$(Q)$(CC) $(PX_CFLAGS) -c $< -o $@

$(LIBC_CRT0): lib/libc/crt0.asm
	@mkdir -p $(dir $@)
	@echo "  AS      $<"
	$(Q)$(NASM) -Werror -f elf32 -g $< -o $@

$(LIBC): $(LIBC_OBJ)
	@echo "  AR      $@"
	$(Q)rm -f $@ && ar rcs $@ $^

define posix_prog
$(B)/posix/$(1): $(patsubst %.c,$(PX)/%.o,$(call posix_srcs,$(1))) $(LIBC) $(LIBC_CRT0) \
		$(NEWLIB_LIBSYS) user/user.ld
	@mkdir -p $(B)/posix
	@echo "  LD      $$@"
	$(Q)$(CC) $(LDFLAGS) -T user/user.ld -o $$@ $(LIBC_CRT0) \
		$(patsubst %.c,$(PX)/%.o,$(call posix_srcs,$(1))) -Wl,--start-group $(LIBC) \
		$(NEWLIB_LIBC) $(NEWLIB_LIBM) $(NEWLIB_LIBSYS) $(NEWLIB_LIBGCC) -Wl,--end-group
endef
$(foreach p,$(POSIX_PROGS) $(POSIX_TEST_PROGS),$(eval $(call posix_prog,$(p))))

POSIX_BINS := $(addprefix $(B)/posix/,$(POSIX_PROGS) $(POSIX_TEST_PROGS))
posix: $(POSIX_BINS)

.PHONY: posix
