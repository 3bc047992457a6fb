/* The system calls newlib (arm) expects from the platform: output goes to
 * the UART, memory comes from the RAM after the program, and there are no
 * files or processes. */

#include <errno.h>
#include <stdint.h>
#include <sys/stat.h>

#include "lkmc.h"

extern char __heap_start[];

/* newlib needs nothing set up before main. */
void lkmc_libc_init(void)
{
}

int _write(int fd, const char *buf, int len)
{
    (void)fd;
    for (int i = 0; i < len; i++)
        lkmc_putc(buf[i]);
    return len;
}

int _read(int fd, char *buf, int len)
{
    (void)fd;
    (void)buf;
    (void)len;
    return 0;
}

void *_sbrk(intptr_t increment)
{
    static char *brk = __heap_start;
    /* The argument block lkmc loads marks the end of the heap. */
    if (brk + increment > (char *)LKMC_ARGV_ADDR) {
        errno = ENOMEM;
        return (void *)-1;
    }
    char *old = brk;
    brk += increment;
    return old;
}

void _exit(int status)
{
    lkmc_exit(status);
}

int _close(int fd) { (void)fd; return -1; }
int _isatty(int fd) { (void)fd; return 1; }
int _lseek(int fd, int offset, int whence) { (void)fd; (void)offset; (void)whence; return 0; }
int _getpid(void) { return 1; }

int _fstat(int fd, struct stat *st)
{
    (void)fd;
    st->st_mode = S_IFCHR;
    return 0;
}

/* abort() raises SIGABRT: end the program with the shell's 128 + signal. */
int _kill(int pid, int sig)
{
    (void)pid;
    lkmc_exit(128 + sig);
}

/* exit() runs the destructor lists through _fini, which crti.o defines in a
 * hosted program; start.S replaces the start files. */
void _init(void)
{
}

void _fini(void)
{
}
