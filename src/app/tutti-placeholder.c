int tutti_placeholder (void); int tutti_placeholder (void) { return 0; } /* PLACEHOLDER */
