/* main in assembly: 1 + 2 must be 3, else exit status 1.
 * expect-exit: 0 */
.syntax unified
.arm
.global main
.type main, %function
main:
    mov r0, #1
    add r0, r0, #2
    cmp r0, #3
    movne r0, #1
    moveq r0, #0
    bx lr
