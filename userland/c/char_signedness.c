/* Whether plain char is signed is the arch's choice: signed on x86_64,
 * unsigned on arm and aarch64 (their ABIs say so), which changes what
 * (char)200 compares as. signed char and unsigned char are always what
 * they say. The program prints which, and checks that <limits.h> agrees
 * with what the compiler does.
 * expect: signed char range -128 127
 * expect: unsigned char range 0 255
 * expect: CHAR_MIN agrees with (char)-1: 1 */
#include <limits.h>
#include <stdio.h>

int main(void)
{
	volatile char c = (char)-1;
	int is_signed = c < 0;
	printf("plain char is %s\n", is_signed ? "signed" : "unsigned");
	printf("signed char range %d %d\n", SCHAR_MIN, SCHAR_MAX);
	printf("unsigned char range 0 %d\n", UCHAR_MAX);
	int agrees = (CHAR_MIN < 0) == is_signed;
	printf("CHAR_MIN agrees with (char)-1: %d\n", agrees);
	return agrees ? 0 : 1;
}
