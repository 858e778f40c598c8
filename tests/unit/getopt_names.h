/* getopt_names.h - lib/libc/getopt.c's names for the host unit test
 * (tests/unit/getopt_glibc.c), so that it does not replace glibc's. */
#define getopt sx_getopt
#define getopt_long sx_getopt_long
#define getopt_long_only sx_getopt_long_only
#define optarg sx_optarg
#define optind sx_optind
#define opterr sx_opterr
#define optopt sx_optopt
