import type { Received } from "#shared/matrix/receive.js";

/** One event as the screens show it: shared/matrix's reading, plus the text of a plain message. */
export type Item = Received & { text?: string };
