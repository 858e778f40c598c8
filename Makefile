# Stabilix top-level Makefile.
#   make            build build/stabilix.iso (and the test ISO)
#   make run        set up if needed, build, boot in QEMU
#   make test       host unit tests + system tests in QEMU (pytest)
#   make bench      micro-benchmarks under QEMU -icount (deterministic) and the
#                   POSIX benchmarks on Stabilix and on a Linux guest (docs/bench.md)
#   make inject     convergence campaign on the release system (TRIALS= TARGET= FAULT= MODES= JOBS= SEED=)
#   make qemu-gdb / make gdb   debug the kernel through QEMU's gdbstub
# Warnings are errors.  Dependencies are tracked (-MMD): only what changed
# is rebuilt.

B        := build
CC       := gcc
LD       := ld
NASM     := nasm
PYTHON   := /usr/bin/python3
QEMU     := qemu-system-i386
Q        ?= @          # make Q= shows the full commands

CFLAGS_COMMON := -m32 -march=i686 -std=gnu11 -O2 -g -ffreestanding -fno-pic -fno-pie \
	-fno-stack-protector -fno-strict-aliasing -fno-builtin -fno-omit-frame-pointer \
	-fno-asynchronous-unwind-tables -mgeneral-regs-only \
	-Wall -Wextra -Werror -Wno-unused-parameter -MMD -MP
KCFLAGS  := $(CFLAGS_COMMON) -Ikernel
UCFLAGS  := $(CFLAGS_COMMON) -Ilib/include -Ilib/common
LDFLAGS  := -m32 -nostdlib -static -no-pie -Wl,--build-id=none -Wl,-z,noexecstack -Wl,--fatal-warnings
LIBGCC   := $(shell $(CC) -m32 -print-libgcc-file-name)

.DEFAULT_GOAL := all
include mk/newlib.mk
include mk/posix.mk
include mk/libc.mk
include mk/busybox.mk
include mk/bench.mk
include mk/ext2.mk

# ---- kernel ---------------------------------------------------------------
KSRC   := $(wildcard kernel/*.c kernel/system/*.c) lib/common/privconf.c \
          lib/common/format.c lib/common/string.c lib/common/crc32.c
KASM   := boot/multiboot.asm kernel/entry.asm
KOBJ   := $(patsubst %.c,$(B)/k/%.o,$(KSRC)) $(patsubst %.asm,$(B)/k/%.o,$(KASM))
KERNEL := $(B)/kernel.elf

$(B)/k/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(KCFLAGS) -c $< -o $@

$(B)/k/%.o: %.asm
	@mkdir -p $(dir $@)
	@echo "  AS      $<"
	$(Q)$(NASM) -Werror -f elf32 -g $< -o $@

$(KERNEL): $(KOBJ) linker.ld
	@echo "  LD      $@"
	$(Q)$(CC) $(LDFLAGS) -T linker.ld -o $@ $(KOBJ) $(LIBGCC)

# ---- libsys ---------------------------------------------------------------
LSRC   := $(wildcard lib/libsys/*.c) lib/common/format.c lib/common/string.c \
          lib/common/crc32.c lib/common/privconf.c
LOBJ   := $(patsubst %.c,$(B)/u/%.o,$(LSRC)) $(B)/u/lib/libsys/crt0.o
LIBSYS := $(B)/libsys.a

$(B)/u/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(UCFLAGS) -c $< -o $@

$(B)/u/%.o: %.asm
	@mkdir -p $(dir $@)
	@echo "  AS      $<"
	$(Q)$(NASM) -Werror -f elf32 -g $< -o $@

$(LIBSYS): $(filter-out %/crt0.o,$(LOBJ))
	@echo "  AR      $@"
	$(Q)rm -f $@ && ar rcs $@ $^

# ---- programs -----------------------------------------------------------------
# Every folder with a main.c is a program named after the folder: servers
# and drivers, user programs, and test programs (test ISO only).
SYS_DIRS  := $(patsubst %/main.c,%,$(wildcard servers/*/main.c drivers/*/main.c user/*/main.c))
TEST_DIRS := $(patsubst %/main.c,%,$(wildcard user/tests/*/main.c))

define program
$(B)/bin/$(notdir $(1)): $(patsubst %.c,$(B)/u/%.o,$(wildcard $(1)/*.c)) $(LIBSYS) $(B)/u/lib/libsys/crt0.o user/user.ld
	@mkdir -p $(B)/bin
	@echo "  LD      $$@"
	$(Q)$(CC) $(LDFLAGS) -T user/user.ld -o $$@ $(B)/u/lib/libsys/crt0.o \
		$(patsubst %.c,$(B)/u/%.o,$(wildcard $(1)/*.c)) $(LIBSYS) $(LIBGCC)
endef
$(foreach d,$(SYS_DIRS) $(TEST_DIRS),$(eval $(call program,$(d))))

# ---- the boot ramdisk (docs/vfs.md) -------------------------------------------
# build/root/ = etc/root/ + every POSIX program (build/posix/<name> ->
# /bin/<name>, without debug information; aliases as copies) once mk/libc.mk links them (it defines
# POSIX_BINS), test programs in /test, BusyBox's test suite for its applets in
# /usr/share/busybox (tools/busybox-tests.sh) + empty /tmp, /dev and /home (the mount point of
# the disk, etc/root/etc/fstab); the device nodes come from
# etc/ramdisk.nodes.  mkiso.sh names the module "ramdisk" (no .cpio).
RAMDISK_PROGS   := $(if $(POSIX_BINS),$(POSIX_PROGS))
RAMDISK_ALIASES := $(if $(POSIX_BINS),$(POSIX_ALIASES))
RAMDISK_TESTS   := $(if $(POSIX_BINS),$(POSIX_TEST_PROGS))
RAMDISK   := $(B)/ramdisk.cpio
ROOT_FILES := $(shell find etc/root -type f 2>/dev/null)

$(RAMDISK): tools/mkcpio.py etc/ramdisk.nodes $(ROOT_FILES) tools/busybox-tests.sh user/busybox/testsuite.sh \
		bench/script/steps.sh \
		$(addprefix $(B)/posix/,$(RAMDISK_PROGS) $(RAMDISK_TESTS)) $(BENCH_BINS) $(BUSYBOX) Makefile
	@echo "  CPIO    $@"
	$(Q)rm -rf $(B)/root && mkdir -p $(B)/root/bin $(B)/root/tmp $(B)/root/dev $(B)/root/test $(B)/root/home
	$(Q)cp -R etc/root/. $(B)/root/
	$(Q)chmod 1777 $(B)/root/tmp
	$(Q)for p in $(RAMDISK_PROGS); do strip -g -o $(B)/root/bin/$$p $(B)/posix/$$p; done
	$(Q)for t in $(RAMDISK_TESTS); do strip -g -o $(B)/root/test/$$t $(B)/posix/$$t; done
	$(Q)for a in $(RAMDISK_ALIASES); do strip -g -o $(B)/root/bin/$${a%%:*} $(B)/posix/$${a#*:}; done
	$(Q)strip -o $(B)/root/bin/busybox $(BUSYBOX)
	$(Q)for a in $$(cat $(B)/busybox/applets.list); do \
		if [ -e $(B)/root/bin/$$a ]; then echo "busybox: $$a is also one of our programs" >&2; exit 1; fi; \
		ln $(B)/root/bin/busybox $(B)/root/bin/$$a; done
	$(Q)mkdir -p $(B)/root/bench && for p in $(BENCH_PROGS); do strip -g -o $(B)/root/bench/$$p $(B)/posix/$$p; done
	$(Q)cp bench/script/steps.sh $(B)/root/bench/steps.sh
	$(Q)sh tools/busybox-tests.sh $(B)/busybox-src $(B)/busybox $(B)/root/usr/share/busybox
	$(Q)$(PYTHON) tools/mkcpio.py $@ $(B)/root etc/ramdisk.nodes

# ---- ISOs -------------------------------------------------------------------
ISO       := $(B)/stabilix.iso
TEST_ISO  := $(B)/stabilix-test.iso
SYS_MODS  := etc/services.conf $(addprefix $(B)/bin/,$(notdir $(SYS_DIRS))) $(RAMDISK)
TEST_MODS := $(SYS_MODS) $(wildcard tests/system/*.conf) $(addprefix $(B)/bin/,$(notdir $(TEST_DIRS)))

all: $(ISO) $(TEST_ISO)

$(ISO): $(KERNEL) $(SYS_MODS) tools/mkiso.sh boot/grub.cfg.in
	$(Q)tools/mkiso.sh $@ $(KERNEL) $(SYS_MODS)

$(TEST_ISO): $(KERNEL) $(TEST_MODS) tools/mkiso.sh boot/grub.cfg.in
	$(Q)tools/mkiso.sh $@ $(KERNEL) $(TEST_MODS)

# ---- host unit tests --------------------------------------------------------
HOST_CFLAGS := -std=gnu11 -O1 -g -Wall -Wextra -Werror -Ilib/include -Ikernel
UNIT_TESTS  := $(patsubst tests/unit/%.c,$(B)/unit/%,$(filter-out tests/unit/tap.c,$(wildcard tests/unit/*.c)))
UNIT_SRC    := lib/common/privconf.c kernel/grant.c kernel/frames.c
# a server library file that needs the test's stand-ins for libsys
$(B)/unit/twin_mend: UNIT_OWN := lib/libsys/twin.c
$(B)/unit/twin_mend: lib/libsys/twin.c

# lib/libc's getopt, under other names, next to the host's glibc one
$(B)/unit/getopt_sx.o: lib/libc/getopt.c tests/unit/getopt_names.h
	@mkdir -p $(B)/unit
	$(CC) $(HOST_CFLAGS) -include tests/unit/getopt_names.h -c -o $@ $<
$(B)/unit/getopt_glibc: UNIT_OWN := $(B)/unit/getopt_sx.o
$(B)/unit/getopt_glibc: $(B)/unit/getopt_sx.o

$(B)/unit/dirname_posix: UNIT_OWN := lib/libc/dirname.c
$(B)/unit/dirname_posix: lib/libc/dirname.c
$(B)/unit/%: tests/unit/%.c tests/unit/tap.c tests/unit/tap.h $(UNIT_SRC)
	@mkdir -p $(B)/unit
	$(CC) $(HOST_CFLAGS) -o $@ $< tests/unit/tap.c $(UNIT_SRC) $(UNIT_OWN)

# the i386 ABI layout: compiled for the target, read back by tests/test_unit.py
ABI_OBJ     := $(B)/abi/layout_i386.o

$(ABI_OBJ): tests/abi/layout_i386.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(CFLAGS_COMMON) -Ilib/include -Ikernel -c $< -o $@

unit: $(UNIT_TESTS) $(ABI_OBJ)

# ---- user-facing targets ------------------------------------------------------
setup:
	@tools/setup.sh

run:
	@tools/setup.sh --quiet
	@$(MAKE) --no-print-directory $(ISO)
	tools/run.sh $(ISO)

test:
	@tools/setup.sh --quiet
	@$(MAKE) --no-print-directory all unit host-progs
	$(PYTHON) -m pytest -q -n 2 -p no:cacheprovider tests

inject:
	@tools/setup.sh --quiet
	@$(MAKE) --no-print-directory all
	$(PYTHON) tools/inject/inject.py

fuzz:
	@tools/setup.sh --quiet
	@$(MAKE) --no-print-directory all
	$(PYTHON) tools/fuzz.py $(if $(SEED),--seed $(SEED)) $(if $(COUNT),--count $(COUNT))

bench:
	@tools/setup.sh --quiet
	@$(MAKE) --no-print-directory all linux-guest
	$(PYTHON) tools/bench.py

qemu-gdb: $(ISO)
	$(QEMU) -m 128 -cdrom $(ISO) -serial stdio -display none -S -gdb tcp::1234

gdb: $(KERNEL)
	gdb -q $(KERNEL) -ex 'target remote :1234'

clean:
	rm -rf $(B)/k $(B)/u $(B)/bin $(B)/unit $(B)/abi $(B)/iso* $(KERNEL) $(LIBSYS) $(ISO) $(TEST_ISO) \
		$(B)/root $(RAMDISK)

.PHONY: all setup run test bench inject fuzz qemu-gdb gdb clean unit
-include $(shell find $(B) -type f -name '*.d' 2>/dev/null)
