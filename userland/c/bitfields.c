/* Bit-fields: struct members of a given number of bits, packed into an
 * int. An unsigned bit-field wraps modulo 2^width; a signed one holds
 * -2^(width-1) .. 2^(width-1)-1. Useful for flags and hardware registers
 * (where the layout's implementation-defined details matter).
 * expect: mode 5 flags 1 0 1
 * expect: 3-bit unsigned 7 + 1 wraps to 0
 * expect: 4-bit signed range -8 .. 7
 * expect: fits in one unsigned: 1 */
#include <stdio.h>

struct status {
	unsigned mode : 3;
	unsigned ready : 1;
	unsigned error : 1;
	unsigned done : 1;
	signed level : 4;
};

int main(void)
{
	struct status s = { .mode = 5, .ready = 1, .done = 1 };
	printf("mode %u flags %u %u %u\n", s.mode, s.ready, s.error, s.done);
	s.mode = 7;
	s.mode++;
	printf("3-bit unsigned 7 + 1 wraps to %u\n", s.mode);
	s.level = -8;
	int lo = s.level;
	s.level = 7;
	int hi = s.level;
	printf("4-bit signed range %d .. %d\n", lo, hi);
	int fits = sizeof(struct status) == sizeof(unsigned);
	printf("fits in one unsigned: %d\n", fits);
	return s.mode == 0 && lo == -8 && hi == 7 && fits ? 0 : 1;
}
