/* Does nothing and fails, like false(1): the smallest test of a non-zero
 * exit status reaching the runner.
 * expect-exit: 1 */
int main(void)
{
	return 1;
}
