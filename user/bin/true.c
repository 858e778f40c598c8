/* true.c - /bin/true: do nothing, successfully (exit status 0); arguments are ignored. */
int main(void)
{
	return 0;
}
