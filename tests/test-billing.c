int main (void) { return 77; } /* PLACEHOLDER */
