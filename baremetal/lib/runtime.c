/* The C half of program start-up, shared by arm and aarch64: the MMU, the
 * program's arguments, main, and the way out.
 *
 * lkmc compiles this with the machine's addresses:
 *   LKMC_UART_BASE  PL011 UART
 *   LKMC_RAM_BASE   first byte of RAM (the program is linked there)
 *   LKMC_ARGV_ADDR  where lkmc loads the argument block (see read_args)
 *   LKMC_GEM5       defined when the image is for gem5 rather than QEMU */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lkmc.h"

void lkmc_mmu_enable(uintptr_t ram_base);
void lkmc_semihosting(unsigned op, void *block);
void lkmc_m5_exit(void);
void lkmc_libc_init(void);
int main(int argc, char **argv);

#define UART_DR (*(volatile uint32_t *)(LKMC_UART_BASE + 0x00))
#define UART_FR (*(volatile uint32_t *)(LKMC_UART_BASE + 0x18))
#define UART_FR_TXFF (1u << 5)

void lkmc_putc(char c)
{
    /* The host terminal is raw: a newline needs its carriage return. */
    if (c == '\n')
        lkmc_putc('\r');
    while (UART_FR & UART_FR_TXFF)
        ;
    UART_DR = (unsigned char)c;
}

static void puts_raw(const char *s)
{
    while (*s)
        lkmc_putc(*s++);
}

static void put_hex(unsigned long v)
{
    puts_raw("0x");
    for (int shift = (int)sizeof(v) * 8 - 4; shift >= 0; shift -= 4)
        lkmc_putc("0123456789abcdef"[(v >> shift) & 0xf]);
}

#define SEMIHOSTING_SYS_EXIT 0x18
#define SEMIHOSTING_SYS_EXIT_EXTENDED 0x20
#define ADP_STOPPED_APPLICATION_EXIT 0x20026

void lkmc_exit(int status)
{
#ifdef LKMC_GEM5
    /* m5 exit carries no status: lkmc reads it from the console. */
    if (status != 0)
        printf("lkmc_exit_status_%d\n", status);
    lkmc_m5_exit();
#else
    uintptr_t block[2] = { ADP_STOPPED_APPLICATION_EXIT, (uintptr_t)status };
#if defined(__aarch64__)
    lkmc_semihosting(SEMIHOSTING_SYS_EXIT, block);
#else
    /* The A32 SYS_EXIT has no status; the extended call does. */
    lkmc_semihosting(SEMIHOSTING_SYS_EXIT_EXTENDED, block);
#endif
#endif
    for (;;)
        ;
}

/* Exception vectors land here (start.S): there are no handlers, so an
 * exception is a bug in the program. */
void lkmc_unexpected_exception(unsigned long syndrome, unsigned long return_address,
                               unsigned long fault_address)
{
    puts_raw("\nlkmc: unexpected exception: syndrome ");
    put_hex(syndrome);
    puts_raw(" return address ");
    put_hex(return_address);
    puts_raw(" fault address ");
    put_hex(fault_address);
    puts_raw("\n");
    lkmc_exit(134);
}

/* The argument block lkmc loads at LKMC_ARGV_ADDR is text:
 *   "lkmc_argv <argc>\n" then each argument on its own line.
 * Without one (e.g. the image started by hand), argv is just the name. */
#define MAX_ARGS 64
static char *args[MAX_ARGS + 1];
static char default_name[] = "baremetal";

static int read_args(void)
{
    static const char magic[] = "lkmc_argv ";
    char *p = (char *)LKMC_ARGV_ADDR;
    if (strncmp(p, magic, sizeof(magic) - 1) != 0) {
        args[0] = default_name;
        return 1;
    }
    p += sizeof(magic) - 1;
    long argc = strtol(p, &p, 10);
    if (argc < 1 || argc > MAX_ARGS || *p != '\n') {
        puts_raw("lkmc: malformed argument block\n");
        lkmc_exit(2);
    }
    p++;
    for (long i = 0; i < argc; i++) {
        args[i] = p;
        while (*p != '\n' && *p != '\0')
            p++;
        *p++ = '\0';
    }
    args[argc] = NULL;
    return (int)argc;
}

void lkmc_start_c(void)
{
    lkmc_mmu_enable(LKMC_RAM_BASE);
    lkmc_libc_init();
    int argc = read_args();
    exit(main(argc, args));
}
