/* main in assembly: 1 + 2 must be 3, else exit status 1.
 * expect-exit: 0 */
.global main
main:
    mov x0, #1
    add x0, x0, #2
    cmp x0, #3
    b.ne 1f
    mov x0, #0
    ret
1:  mov x0, #1
    ret
