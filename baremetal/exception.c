/* An exception the program does not handle (here the trap instruction)
 * is reported with its syndrome and addresses, and ends the run with 134.
 * expect: unexpected exception
 * expect-exit: 134 */
int main(void)
{
    __builtin_trap(); /* an undefined instruction (arm) or a breakpoint (aarch64) */
    return 0;
}
