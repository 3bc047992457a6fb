// SPDX-License-Identifier: GPL-2.0
/*
 * A netlink protocol of our own (number 31, see netlink.h): userland opens
 * socket(AF_NETLINK, SOCK_RAW, 31) and sends LKMC_NETLINK_UPPER requests
 * with some text; the module replies to the sender's port with the text in
 * upper case, with the request's sequence number. Netlink gives datagram
 * sockets between userland and the kernel without a file in any
 * filesystem. userland/kernel_modules/netlink.c is the client.
 * Seed section 16.8 (netlink).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/atomic.h>
#include <linux/ctype.h>
#include <linux/init.h>
#include <linux/module.h>
#include <linux/netlink.h>
#include <net/net_namespace.h>
#include <net/netlink.h>
#include <net/sock.h>

#include "netlink.h"

static struct sock *nl_sock;
static atomic_t requests = ATOMIC_INIT(0);

static int lkmc_netlink_msg(struct sk_buff *skb, struct nlmsghdr *nlh,
			    struct netlink_ext_ack *extack)
{
	const char *in = nlmsg_data(nlh);
	int len = nlmsg_len(nlh);
	struct nlmsghdr *out_nlh;
	struct sk_buff *out;
	char *text;
	int i;

	if (nlh->nlmsg_type != LKMC_NETLINK_UPPER)
		return -EOPNOTSUPP;
	pr_info("request %d from port %u: %.*s\n",
		atomic_inc_return(&requests), NETLINK_CB(skb).portid, len, in);
	out = nlmsg_new(len, GFP_KERNEL);
	if (!out)
		return -ENOMEM;
	out_nlh = nlmsg_put(out, 0, nlh->nlmsg_seq, LKMC_NETLINK_UPPER, len, 0);
	if (!out_nlh) {
		kfree_skb(out);
		return -EMSGSIZE;
	}
	text = nlmsg_data(out_nlh);
	for (i = 0; i < len; i++)
		text[i] = toupper(in[i]);
	/* Consumes out, whatever happens. */
	return nlmsg_unicast(nl_sock, out, NETLINK_CB(skb).portid);
}

/* Runs in the sender's context, from its sendmsg(). */
static void lkmc_netlink_input(struct sk_buff *skb)
{
	/*
	 * Walks the messages in skb, skips those without NLM_F_REQUEST, and
	 * sends an error message back when ours fails (or an ack on
	 * NLM_F_ACK).
	 */
	netlink_rcv_skb(skb, lkmc_netlink_msg);
}

static int __init lkmc_netlink_init(void)
{
	struct netlink_kernel_cfg cfg = {
		.input = lkmc_netlink_input,
	};

	nl_sock = netlink_kernel_create(&init_net, LKMC_NETLINK_PROTOCOL, &cfg);
	if (!nl_sock)
		return -EBUSY;
	return 0;
}

static void __exit lkmc_netlink_exit(void)
{
	netlink_kernel_release(nl_sock);
}

module_init(lkmc_netlink_init);
module_exit(lkmc_netlink_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A netlink protocol that upper-cases the messages it gets");
