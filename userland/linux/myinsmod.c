/* Inserts a kernel module with the raw system calls: init_module (the
 * module's bytes from memory) or, with a third argument of 1, finit_module
 * (a file descriptor). Usage: myinsmod.out FILE.ko [PARAMS [1]]. The suite
 * inserts hello.ko; linux/myrmmod, run after it, removes it.
 * only: full-system (it needs the guest's kernel)
 * args: /lkmc/hello.ko '' 1
 * expect: inserted /lkmc/hello.ko with finit_module */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: %s FILE.ko [PARAMS [1]]\n", argv[0]);
		return 2;
	}
	const char *params = argc > 2 ? argv[2] : "";
	int use_finit = argc > 3 && argv[3][0] == '1';
	int fd = open(argv[1], O_RDONLY);
	if (fd < 0) {
		perror(argv[1]);
		return 1;
	}
	long r;
	if (use_finit) {
		r = syscall(SYS_finit_module, fd, params, 0);
	} else {
		struct stat st;
		fstat(fd, &st);
		void *image = malloc(st.st_size);
		if (!image || read(fd, image, st.st_size) != st.st_size)
			return 1;
		r = syscall(SYS_init_module, image, (unsigned long)st.st_size, params);
		free(image);
	}
	close(fd);
	if (r) {
		perror(use_finit ? "finit_module" : "init_module");
		return 1;
	}
	printf("inserted %s with %s\n", argv[1], use_finit ? "finit_module" : "init_module");
	return 0;
}
