/* A QEMU TCG plugin that counts the guest instructions a run executes and
 * prints `lkmc_insns N` when QEMU exits: bench/bench.py's boot_insns.
 *
 *   cc -shared -fPIC -O2 -o insn_count.so bench/insn_count.c
 *   lkmc run --eval true -- -plugin ./insn_count.so
 *
 * Debian's QEMU loads plugins but ships no plugin header, so the few
 * declarations of QEMU's plugin API used here are written out below. Each
 * translated block adds its instruction count every time it runs (a block
 * left early by an exception counts whole: an over-count of a few). */
#include <inttypes.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef uint64_t qemu_plugin_id_t;
struct qemu_info_t;
struct qemu_plugin_tb;
enum qemu_plugin_cb_flags { QEMU_PLUGIN_CB_NO_REGS };
typedef void (*qemu_plugin_vcpu_udata_cb_t)(unsigned int vcpu, void *data);
typedef void (*qemu_plugin_udata_cb_t)(qemu_plugin_id_t id, void *data);
typedef void (*qemu_plugin_vcpu_tb_trans_cb_t)(qemu_plugin_id_t id,
                                               struct qemu_plugin_tb *tb);
void qemu_plugin_register_vcpu_tb_trans_cb(qemu_plugin_id_t id,
                                           qemu_plugin_vcpu_tb_trans_cb_t cb);
void qemu_plugin_register_vcpu_tb_exec_cb(struct qemu_plugin_tb *tb,
                                          qemu_plugin_vcpu_udata_cb_t cb,
                                          enum qemu_plugin_cb_flags flags,
                                          void *data);
void qemu_plugin_register_atexit_cb(qemu_plugin_id_t id,
                                    qemu_plugin_udata_cb_t cb, void *data);
size_t qemu_plugin_tb_n_insns(const struct qemu_plugin_tb *tb);
void qemu_plugin_outs(const char *string);

#define EXPORT __attribute__((visibility("default")))
/* The oldest API version with everything above. */
EXPORT int qemu_plugin_version = 2;

static uint64_t insns;

static void block_ran(unsigned int vcpu, void *n)
{
    (void)vcpu;
    __atomic_fetch_add(&insns, (uint64_t)(uintptr_t)n, __ATOMIC_RELAXED);
}

static void translated(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
    (void)id;
    uintptr_t n = qemu_plugin_tb_n_insns(tb);
    qemu_plugin_register_vcpu_tb_exec_cb(tb, block_ran, QEMU_PLUGIN_CB_NO_REGS,
                                         (void *)n);
}

static void at_exit(qemu_plugin_id_t id, void *data)
{
    char line[64];
    (void)id;
    (void)data;
    snprintf(line, sizeof line, "lkmc_insns %" PRIu64 "\n",
             __atomic_load_n(&insns, __ATOMIC_RELAXED));
    qemu_plugin_outs(line);
}

EXPORT int qemu_plugin_install(qemu_plugin_id_t id,
                               const struct qemu_info_t *info, int argc,
                               char **argv)
{
    (void)info;
    (void)argc;
    (void)argv;
    qemu_plugin_register_vcpu_tb_trans_cb(id, translated);
    qemu_plugin_register_atexit_cb(id, at_exit, NULL);
    return 0;
}
