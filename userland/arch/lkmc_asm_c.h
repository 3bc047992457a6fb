/* The C half of the userland/arch assertion helpers, shared by the three
 * arch headers (userland/arch/<arch>/lkmc_asm.h), which first define
 * lkmc_sys_write and lkmc_sys_exit with their arch's raw system calls.
 *
 * Nothing here needs the C library, so the same macros work in programs
 * linked with -nostdlib. On a failed assertion the program writes
 *   FILE:LINE: assertion failed: EXPR (got 0x..., want 0x...)
 * to stderr and exits with status 1 (exit_group: no stdio flush). */
#ifndef LKMC_ASM_C_H
#define LKMC_ASM_C_H

/* Not turned into a call to strlen by the optimizer (at -O2 GCC spots the
 * loop), which -nostdlib programs do not have. */
__attribute__((optimize("no-tree-loop-distribute-patterns")))
static inline unsigned long lkmc_strlen(const char *s)
{
	unsigned long n = 0;
	while (s[n])
		n++;
	return n;
}

static inline void lkmc_puts_fd(int fd, const char *s)
{
	lkmc_sys_write(fd, s, lkmc_strlen(s));
}

/* Writes n in base 10 or 16 without leading zeros. No division: 32-bit arm
 * would need libgcc's __aeabi_uldivmod for it, missing with -nostdlib. */
static inline void lkmc_putu_fd(int fd, unsigned long long n, unsigned base)
{
	char buf[24];
	int len = 0;
	if (base == 16) {
		int shift = 60;
		while (shift > 0 && !(n >> shift))
			shift -= 4;
		for (; shift >= 0; shift -= 4)
			buf[len++] = "0123456789abcdef"[n >> shift & 0xf];
	} else {
		/* powers of ten up to n, then subtract each as often as it fits */
		unsigned long long pow[20];
		int k = 0;
		pow[0] = 1;
		while (k < 19 && pow[k] * 10 <= n) {
			pow[k + 1] = pow[k] * 10;
			k++;
		}
		for (; k >= 0; k--) {
			char digit = '0';
			while (n >= pow[k]) {
				n -= pow[k];
				digit++;
			}
			buf[len++] = digit;
		}
	}
	lkmc_sys_write(fd, buf, len);
}

static inline __attribute__((noreturn)) void
lkmc_assert_fail(const char *file, int line, const char *expr,
		 int has_values, unsigned long long got, unsigned long long want)
{
	lkmc_puts_fd(2, file);
	lkmc_puts_fd(2, ":");
	lkmc_putu_fd(2, (unsigned)line, 10);
	lkmc_puts_fd(2, ": assertion failed: ");
	lkmc_puts_fd(2, expr);
	if (has_values) {
		lkmc_puts_fd(2, " (got 0x");
		lkmc_putu_fd(2, got, 16);
		lkmc_puts_fd(2, ", want 0x");
		lkmc_putu_fd(2, want, 16);
		lkmc_puts_fd(2, ")");
	}
	lkmc_puts_fd(2, "\n");
	lkmc_sys_exit(1);
}

/* LKMC_ASSERT_EQ(got, want): both converted to unsigned long long. */
#define LKMC_ASSERT_EQ(got, want) do { \
	unsigned long long lkmc_got_ = (unsigned long long)(got); \
	unsigned long long lkmc_want_ = (unsigned long long)(want); \
	if (lkmc_got_ != lkmc_want_) \
		lkmc_assert_fail(__FILE__, __LINE__, #got " == " #want, 1, \
				 lkmc_got_, lkmc_want_); \
} while (0)

/* LKMC_ASSERT(cond): any truth value. */
#define LKMC_ASSERT(cond) do { \
	if (!(cond)) \
		lkmc_assert_fail(__FILE__, __LINE__, #cond, 0, 0, 0); \
} while (0)

#endif
