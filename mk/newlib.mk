# newlib.mk - newlib (C library and libm for user programs), built from
# Debian's newlib-source package by tools/newlib.sh and cached under build/;
# and the link-and-run check tests/newlib (build/bin/libctest).  Included by
# the top-level Makefile; works wherever it is included (it defines its own
# paths and does not change the default goal).  See docs/newlib.md.
#
#   make newlib             build newlib if needed (about 45 s once)
#   make build/bin/libctest the test program (tests/system/test_newlib.py)
#   make newlib-clean       forget the cached build ('make clean' keeps it)
#
# For C programs linked against newlib:
#   NEWLIB_STAMP     make every object and program depend on it
#   NEWLIB_CFLAGS    compile flags: newlib's headers, then gcc's own
#                    (stddef.h, stdarg.h, float.h), never the host's
#   NEWLIB_INC, NEWLIB_LIBC, NEWLIB_LIBM    headers dir, libc.a, libm.a

ifndef NEWLIB_MK_INCLUDED          # make -f Makefile -f mk/newlib.mk works either way
NEWLIB_MK_INCLUDED := 1
NEWLIB_SAVED_GOAL := $(.DEFAULT_GOAL)

NEWLIB_B      := $(if $(B),$(B),build)
NEWLIB        := $(NEWLIB_B)/newlib
NEWLIB_STAMP  := $(NEWLIB)/.stamp
NEWLIB_INC    := $(NEWLIB)/i686-elf/include
NEWLIB_LIBC   := $(NEWLIB)/i686-elf/lib/libc.a
NEWLIB_LIBM   := $(NEWLIB)/i686-elf/lib/libm.a
NEWLIB_GCCINC := $(shell gcc -m32 -print-file-name=include)
NEWLIB_LIBGCC := $(shell gcc -m32 -print-libgcc-file-name)

# Like CFLAGS_COMMON, but hosted (newlib's headers) and with the FPU:
# no -ffreestanding, -fno-builtin or -mgeneral-regs-only.  The host gcc
# must not say "Linux" or "unix" (newlib's headers would pick another
# configuration than the one libc.a was built with: see tools/newlib.sh).
NEWLIB_NOT_LINUX := -U__linux__ -U__linux -Ulinux -U__gnu_linux__ -U__unix__ -U__unix -Uunix
NEWLIB_CFLAGS := -m32 -march=i686 -std=gnu11 -O2 -g -fno-pic -fno-pie \
	-fno-stack-protector -fno-strict-aliasing -fno-omit-frame-pointer \
	-fno-asynchronous-unwind-tables $(NEWLIB_NOT_LINUX) \
	-nostdinc -isystem $(NEWLIB_INC) -idirafter $(NEWLIB_GCCINC) \
	-Wall -Wextra -Werror -Wno-unused-parameter -MMD -MP

# Rebuilt when the script changes or dpkg (re)installs newlib-source (its
# file list is rewritten then); the script itself decides from the package
# version recorded in the stamp whether there is anything to do.
$(NEWLIB_STAMP): tools/newlib.sh $(wildcard /var/lib/dpkg/info/newlib-source.list)
	$(Q)tools/newlib.sh $(NEWLIB_B) && touch $@

newlib: $(NEWLIB_STAMP)

newlib-clean:
	rm -rf $(NEWLIB) $(NEWLIB_B)/newlib-src $(NEWLIB_B)/newlib-obj \
		$(NEWLIB_B)/newlib.log $(NEWLIB_B)/newlib.lock $(NEWLIB_B)/nl

# ---- tests/newlib: libctest ---------------------------------------------------
# lib/include is only for "..." includes (libsys.h): <...> must find newlib.
$(NEWLIB_B)/nl/%.o: %.c $(NEWLIB_STAMP)
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(NEWLIB_CFLAGS) -iquote lib/include -c $< -o $@

NEWLIB_TEST_OBJ := $(NEWLIB_B)/nl/tests/newlib/libctest.o $(NEWLIB_B)/nl/tests/newlib/glue.o

# libsys.a carries lib/common/string.c (memcpy, strlen, strcmp...), which
# clashes with newlib's own: libsys members need strlcpy, the linker takes
# string.o for it and then finds memcpy twice.  Interim: link a copy of
# libsys.a without string.o (newlib provides all of it, strlcpy included).
NEWLIB_LIBSYS := $(NEWLIB_B)/nl/libsys-newlib.a

$(NEWLIB_LIBSYS): $(NEWLIB_B)/libsys.a
	@mkdir -p $(dir $@)
	$(Q)cp $< $@.tmp && ar d $@.tmp string.o && mv $@.tmp $@

$(NEWLIB_B)/bin/libctest: $(NEWLIB_TEST_OBJ) $(NEWLIB_STAMP) $(NEWLIB_LIBSYS) \
		$(NEWLIB_B)/u/lib/libsys/crt0.o user/user.ld
	@mkdir -p $(dir $@)
	@echo "  LD      $@"
	$(Q)$(CC) $(LDFLAGS) -T user/user.ld -o $@ $(NEWLIB_B)/u/lib/libsys/crt0.o \
		$(NEWLIB_TEST_OBJ) -Wl,--start-group $(NEWLIB_LIBC) $(NEWLIB_LIBM) \
		$(NEWLIB_LIBSYS) $(NEWLIB_LIBGCC) -Wl,--end-group

.PHONY: newlib newlib-clean
.DEFAULT_GOAL := $(NEWLIB_SAVED_GOAL)
endif
