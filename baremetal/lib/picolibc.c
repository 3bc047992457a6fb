/* What picolibc (aarch64) expects from the platform: stdout on the UART and
 * a way out. The heap is picolibc's own, between the symbols its linker
 * script defines. */

#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include "lkmc.h"

static int uart_put(char c, FILE *file)
{
    (void)file;
    lkmc_putc(c);
    return (unsigned char)c;
}

static int no_input(FILE *file)
{
    (void)file;
    return EOF;
}

static FILE uart = FDEV_SETUP_STREAM(uart_put, no_input, NULL, _FDEV_SETUP_RW);
FILE *const stdin = &uart;
FILE *const stdout = &uart;
FILE *const stderr = &uart;

void _exit(int status)
{
    lkmc_exit(status);
}

/* abort() raises SIGABRT: end the program with the shell's 128 + signal. */
pid_t getpid(void)
{
    return 1;
}

int kill(pid_t pid, int sig)
{
    (void)pid;
    lkmc_exit(128 + sig);
}

/* errno and friends are thread-local: point the thread register at the
 * TLS block picolibc's linker script laid out (.data copied it in place). */
extern char __tls_base[];
void _set_tls(void *tls); /* picolibc; picotls.h hides it behind its own macros */

void lkmc_libc_init(void)
{
    _set_tls(__tls_base);
}
