/* true.c - /bench/true, the program the exec benchmark runs (bench/posix/
 * proc.c) on both guests: it does nothing, successfully.  It is the
 * benchmark's own, so that exec is measured with the same small program
 * on Stabilix and on Linux (/bin/true is BusyBox on Stabilix). */
int main(void)
{
	return 0;
}
