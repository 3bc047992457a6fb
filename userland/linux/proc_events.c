/* The process events connector: a netlink socket (NETLINK_CONNECTOR) on
 * which the kernel reports every fork, exec and exit in the system, as
 * process accounting tools and some init systems watch them. It forks a
 * child that exits with status 7 and waits for the kernel's fork and exit
 * events about that child.
 * Needs a kernel with CONFIG_CONNECTOR and CONFIG_PROC_EVENTS, and root.
 * only: full-system (it listens to the guest kernel's events; root only)
 * expect: listening
 * expect: fork event: parent is us 1
 * expect: exit event: code 7 */
#include <errno.h>
#include <linux/cn_proc.h>
#include <linux/connector.h>
#include <linux/netlink.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

/* A netlink message holding a connector message with its payload. */
struct request {
	struct nlmsghdr nl;
	struct cn_msg cn;
	enum proc_cn_mcast_op op;
} __attribute__((packed));

static int subscribe(void)
{
	int s = socket(AF_NETLINK, SOCK_DGRAM, NETLINK_CONNECTOR);
	if (s < 0) {
		if (errno == EPROTONOSUPPORT)
			fprintf(stderr, "no NETLINK_CONNECTOR: the kernel lacks CONFIG_CONNECTOR "
					"(add it with CONFIG_PROC_EVENTS to linux_config/ and rebuild)\n");
		else
			perror("socket(NETLINK_CONNECTOR)");
		return -1;
	}
	struct sockaddr_nl addr = { .nl_family = AF_NETLINK, .nl_groups = CN_IDX_PROC,
				    .nl_pid = getpid() };
	if (bind(s, (struct sockaddr *)&addr, sizeof(addr))) {
		perror("bind to the proc connector group (root only)");
		return -1;
	}
	struct request r = { 0 };
	r.nl.nlmsg_len = sizeof(r);
	r.nl.nlmsg_type = NLMSG_DONE;
	r.nl.nlmsg_pid = getpid();
	r.cn.id.idx = CN_IDX_PROC;
	r.cn.id.val = CN_VAL_PROC;
	r.cn.len = sizeof(r.op);
	r.op = PROC_CN_MCAST_LISTEN;
	if (send(s, &r, sizeof(r), 0) != sizeof(r)) {
		perror("send PROC_CN_MCAST_LISTEN");
		return -1;
	}
	return s;
}

/* Reads events until the child's exit; returns its exit code or -1. */
static int watch(int s, pid_t child)
{
	int forked = 0;
	char buf[4096] __attribute__((aligned(8)));
	struct pollfd p = { .fd = s, .events = POLLIN };
	while (poll(&p, 1, 10000) == 1) {
		ssize_t n = recv(s, buf, sizeof(buf), 0);
		for (struct nlmsghdr *h = (struct nlmsghdr *)buf; n > 0 && NLMSG_OK(h, n);
		     h = NLMSG_NEXT(h, n)) {
			struct cn_msg *cn = NLMSG_DATA(h);
			struct proc_event *ev = (struct proc_event *)cn->data;
			if (ev->what == PROC_EVENT_FORK && ev->event_data.fork.child_pid == child) {
				forked = 1;
				printf("fork event: parent is us %d\n",
				       ev->event_data.fork.parent_pid == getpid());
			} else if (ev->what == PROC_EVENT_EXIT && ev->event_data.exit.process_pid == child) {
				int code = ev->event_data.exit.exit_code;
				printf("exit event: code %d\n", code >> 8);
				return forked ? code >> 8 : -1;
			}
		}
	}
	fprintf(stderr, "no exit event for the child within 10 s: "
			"does the kernel have CONFIG_PROC_EVENTS?\n");
	return -1;
}

int main(void)
{
	int s = subscribe();
	if (s < 0)
		return 1;
	printf("listening\n");
	fflush(stdout);
	pid_t child = fork();
	if (child == 0)
		_exit(7);
	int code = watch(s, child);
	waitpid(child, NULL, 0);
	return code == 7 ? 0 : 1;
}
