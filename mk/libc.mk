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

# What newlib's sources have but its i686-elf build leaves out (its posix
# and unix directories are built only for other targets): regular
# expressions, fnmatch, popen (dirname is ours: lib/libc/dirname.c).  Compiled from the same unpacked
# tarball (tools/newlib.sh keeps it), with newlib's own flags: not our
# code, so no -Werror.
NLX_SRC_DIR := $(B)/newlib-src/newlib/libc
NLX_FILES   := posix/regcomp posix/regerror posix/regexec posix/regfree posix/collate \
               posix/collcmp posix/fnmatch posix/popen
NLX_OBJ     := $(addprefix $(PX)/newlib/,$(addsuffix .o,$(NLX_FILES)))
NLX_CFLAGS  := $(filter-out -Werror -Wall -Wextra -MMD -MP,$(NEWLIB_CFLAGS)) -w -D_GNU_SOURCE \
               -isystem lib/libc/include -I$(NLX_SRC_DIR)/posix

$(PX)/newlib/%.o: $(NEWLIB_STAMP)
	@mkdir -p $(dir $@)
	@echo "  NLCC    newlib/libc/$*.c"
	$(Q)$(CC) $(NLX_CFLAGS) -c $(NLX_SRC_DIR)/$*.c -o $@

$(LIBC): $(LIBC_OBJ) $(NLX_OBJ)
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
