/* Function pointers: a table of operations indexed at run time, a callback
 * passed to a function, and a function returning a function pointer (the
 * typedef keeps the declarations readable).
 * expect: 6 + 3 = 9
 * expect: 6 - 3 = 3
 * expect: 6 * 3 = 18
 * expect: 6 / 3 = 2
 * expect: applied twice: triple 18, plus five 12
 * expect: picked by name: 18 */
#include <stdio.h>
#include <string.h>

typedef int (*binop)(int, int);

static int add(int a, int b) { return a + b; }
static int sub(int a, int b) { return a - b; }
static int mul(int a, int b) { return a * b; }
static int quo(int a, int b) { return a / b; }

static const struct {
	char symbol;
	binop f;
} ops[] = { { '+', add }, { '-', sub }, { '*', mul }, { '/', quo } };

static int twice(int (*f)(int), int x)
{
	return f(f(x));
}

static int triple(int x) { return 3 * x; }
static int plus_five(int x) { return x + 5; }

static binop by_name(const char *name)
{
	return strcmp(name, "mul") == 0 ? mul : add;
}

int main(void)
{
	int results[4];
	for (unsigned i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
		results[i] = ops[i].f(6, 3);
		printf("6 %c 3 = %d\n", ops[i].symbol, results[i]);
	}
	int t3 = twice(triple, 2), t5 = twice(plus_five, 2);
	printf("applied twice: triple %d, plus five %d\n", t3, t5);
	int p = by_name("mul")(6, 3);
	printf("picked by name: %d\n", p);
	return results[0] == 9 && results[3] == 2 && t3 == 18 && t5 == 12 && p == 18 ? 0 : 1;
}
