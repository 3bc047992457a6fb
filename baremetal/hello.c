/* The smallest baremetal program: printf goes to the UART.
 * expect: hello baremetal */
#include <stdio.h>

int main(void)
{
    printf("hello baremetal\n");
    return 0;
}
