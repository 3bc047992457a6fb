// SPDX-License-Identifier: GPL-2.0
/*
 * Userland side of kernel_modules/netlink.c.
 * Usage: netlink.out TEXT [SEQ]
 * Sends TEXT to the kernel in an LKMC_NETLINK_UPPER request with sequence
 * number SEQ (default 1) and prints the reply: "reply seq=<seq>: <TEXT>".
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "../../kernel_modules/netlink.h"

#define MAX_TEXT 256

int main(int argc, char **argv)
{
	struct sockaddr_nl kernel = { .nl_family = AF_NETLINK };
	struct {
		struct nlmsghdr nlh;
		char text[MAX_TEXT];
	} req;
	char rbuf[NLMSG_SPACE(MAX_TEXT)];
	struct nlmsghdr *nlh = (struct nlmsghdr *)rbuf;
	size_t len;
	ssize_t n;
	int fd;

	if (argc < 2 || argc > 3 || strlen(argv[1]) > MAX_TEXT) {
		fprintf(stderr, "usage: %s TEXT [SEQ] (TEXT <= %d bytes)\n",
			argv[0], MAX_TEXT);
		return 2;
	}
	fd = socket(AF_NETLINK, SOCK_RAW, LKMC_NETLINK_PROTOCOL);
	if (fd < 0) {
		perror("socket");
		return 1;
	}
	len = strlen(argv[1]);
	memset(&req, 0, sizeof(req));
	req.nlh.nlmsg_len = NLMSG_LENGTH(len);
	req.nlh.nlmsg_type = LKMC_NETLINK_UPPER;
	req.nlh.nlmsg_flags = NLM_F_REQUEST;
	req.nlh.nlmsg_seq = argc > 2 ? strtoul(argv[2], NULL, 0) : 1;
	memcpy(req.text, argv[1], len);
	/* nl_pid 0 is the kernel; our own port is given at the first send. */
	if (sendto(fd, &req, req.nlh.nlmsg_len, 0, (struct sockaddr *)&kernel,
		   sizeof(kernel)) < 0) {
		perror("sendto");
		return 1;
	}
	n = recv(fd, rbuf, sizeof(rbuf), 0);
	if (n < 0) {
		perror("recv");
		return 1;
	}
	if (!NLMSG_OK(nlh, n)) {
		fprintf(stderr, "bad reply of %zd bytes\n", n);
		return 1;
	}
	if (nlh->nlmsg_type == NLMSG_ERROR) {
		struct nlmsgerr *err = NLMSG_DATA(nlh);

		fprintf(stderr, "error reply: %s\n", strerror(-err->error));
		return 1;
	}
	if (nlh->nlmsg_type != LKMC_NETLINK_UPPER) {
		fprintf(stderr, "unexpected reply type %u\n", nlh->nlmsg_type);
		return 1;
	}
	printf("reply seq=%u: %.*s\n", nlh->nlmsg_seq,
	       (int)(nlh->nlmsg_len - NLMSG_HDRLEN), (char *)NLMSG_DATA(nlh));
	close(fd);
	return 0;
}
