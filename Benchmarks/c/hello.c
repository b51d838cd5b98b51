/* The start-up floor: a C program that prints a line and exits. */
#include <stdio.h>
int main(void) { puts("hello"); return 0; }
