import type { Received } from "#shared/matrix/receive.js";

/**
 * One event as the screens show it: shared/matrix's reading, plus the text of a plain message,
 * the thread it replies in (`threadRoot`) and, on a root, the replies the homeserver counted.
 */
export type Item = Received & { text?: string; threadRoot?: string; serverReplies?: number };
