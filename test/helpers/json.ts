/**
 * A parsed JSON document as tests read it: the tests assert its shape field by field, so it is untyped here on
 * purpose (one place, instead of a cast at every read).
 */
// biome-ignore lint/suspicious/noExplicitAny: see above.
export type Json = any;
