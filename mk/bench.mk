# bench.mk - the POSIX benchmarks (bench/posix, docs/bench.md) for both
# guests of `make bench`.  Included by the top-level Makefile after mk/libc.mk.
#
#   make bench-progs   build/posix/bench (Stabilix: crt0 + lib/libc + newlib;
#                      the ramdisk installs it as /bench/bench)
#                      and the Linux initramfs tree build/linux/root
#   make linux-guest   + build/linux/initrd.cpio and build/linux/vmlinuz (Debian's
#                      linux-image-686, fetched once by tools/linux_kernel.sh)
#
# Adding a benchmark: a function in bench/posix/*.c named in bench.h and in
# bench.c's table; both guests pick it up.

BENCH_SRC   := $(wildcard bench/posix/*.c)
BENCH_HDR   := $(wildcard bench/posix/*.h)
BENCH_PROGS := bench true
BENCH_BINS  := $(B)/posix/bench $(B)/posix/true

$(B)/posix/bench: $(patsubst %.c,$(PX)/%.o,$(BENCH_SRC)) $(LIBC) $(LIBC_CRT0) \
		$(NEWLIB_LIBSYS) user/user.ld
	@mkdir -p $(B)/posix
	@echo "  LD      $@"
	$(Q)$(CC) $(LDFLAGS) -T user/user.ld -o $@ $(LIBC_CRT0) \
		$(patsubst %.c,$(PX)/%.o,$(BENCH_SRC)) -Wl,--start-group $(LIBC) \
		$(NEWLIB_LIBC) $(NEWLIB_LIBM) $(NEWLIB_LIBSYS) $(NEWLIB_LIBGCC) -Wl,--end-group

# /bench/true: what the exec benchmark runs (bench/true/true.c)
$(B)/posix/true: $(PX)/bench/true/true.o $(LIBC) $(LIBC_CRT0) $(NEWLIB_LIBSYS) user/user.ld
	@mkdir -p $(B)/posix
	@echo "  LD      $@"
	$(Q)$(CC) $(LDFLAGS) -T user/user.ld -o $@ $(LIBC_CRT0) $(PX)/bench/true/true.o \
		-Wl,--start-group $(LIBC) $(NEWLIB_LIBC) $(NEWLIB_LIBM) $(NEWLIB_LIBSYS) \
		$(NEWLIB_LIBGCC) -Wl,--end-group

# ---- the Linux guest: the same sources with glibc, static, i386 ---------------
LX            := $(B)/linux
LINUX_CFLAGS  := -m32 -static -O2 -std=gnu11 -Wall -Wextra -Werror
LINUX_ROOT    := $(LX)/root/bench/bench $(LX)/root/init $(LX)/root/bench/true \
                 $(LX)/root/bench/steps.sh $(LX)/root/bin/busybox

$(LX)/root/bench/bench: $(BENCH_SRC) $(BENCH_HDR)
	@mkdir -p $(dir $@)
	@echo "  LXCC    $@"
	$(Q)$(CC) $(LINUX_CFLAGS) -o $@ $(BENCH_SRC) && strip $@

$(LX)/root/init: bench/linux/init.c
	@mkdir -p $(dir $@)
	@echo "  LXCC    $@"
	$(Q)$(CC) $(LINUX_CFLAGS) -o $@ $< && strip $@

$(LX)/root/bench/true: bench/true/true.c
	@mkdir -p $(dir $@)
	@echo "  LXCC    $@"
	$(Q)$(CC) $(LINUX_CFLAGS) -o $@ $< && strip $@

$(LX)/root/bench/steps.sh: bench/script/steps.sh
	@mkdir -p $(dir $@)
	$(Q)cp $< $@

# The same BusyBox configuration built for this guest (gcc -m32, glibc,
# static: tools/busybox.sh --linux), with a hard link per applet, so that
# the script benchmark runs the same ash and applets on both guests.
BUSYBOX_LINUX := $(B)/busybox-linux/busybox
$(BUSYBOX_LINUX): tools/busybox.sh tools/debsrc.sh user/busybox/applets.config \
		$(wildcard user/busybox/patches/*.patch)
	$(Q)tools/busybox.sh --linux $(B)

$(LX)/root/bin/busybox: $(BUSYBOX_LINUX)
	@mkdir -p $(dir $@)
	$(Q)rm -f $(dir $@)* && strip -o $@ $<
	$(Q)for a in $$(cat $(B)/busybox-linux/applets.list); do ln $@ $(dir $@)$$a; done

$(LX)/initrd.cpio: $(LINUX_ROOT) bench/linux/initrd.nodes tools/mkcpio.py
	@echo "  CPIO    $@"
	$(Q)mkdir -p $(LX)/root/tmp $(LX)/root/dev
	$(Q)$(PYTHON) tools/mkcpio.py $@ $(LX)/root bench/linux/initrd.nodes

$(LX)/vmlinuz: tools/linux_kernel.sh
	$(Q)tools/linux_kernel.sh $(LX)

bench-progs: $(BENCH_BINS) $(LINUX_ROOT)
linux-guest: $(LX)/initrd.cpio $(LX)/vmlinuz

.PHONY: bench-progs linux-guest
