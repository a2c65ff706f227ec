// What the open app shows outside its page: the tab title and the installed app's badge, from the
// per-room counts of matrix/counts.ts. Pure, so the rules are unit-tested.
import type { RoomCounts } from "../matrix/counts.js";

export function totals(rooms: Iterable<RoomCounts>): RoomCounts {
  let unread = 0;
  let urgent = 0;
  for (const r of rooms) {
    unread += r.unread;
    urgent += r.urgent;
  }
  return { unread, urgent };
}

/**
 * "(3) ! Enlace": unread messages in parentheses, "!" while anything urgent waits (an unread high or
 * critical alert, an advisory awaiting my acknowledgement). Counts first, so they stay visible in a
 * narrow tab.
 */
export function tabTitle(base: string, c: RoomCounts): string {
  const parts = [c.unread > 0 ? `(${c.unread > 99 ? "99+" : c.unread})` : "", c.urgent > 0 ? "!" : "", base];
  return parts.filter(Boolean).join(" ");
}

/**
 * The badge number. Urgent alerts are also unread, but an advisory awaiting acknowledgement may be
 * read and still urgent, so neither count contains the other: the larger one is shown (never a
 * double count). 0 clears the badge.
 */
export const badgeCount = (c: RoomCounts) => Math.max(c.unread, c.urgent);

/** A chime when more is urgent than at the last look; never for what was already there when the app opened. */
export const shouldChime = (previous: RoomCounts | null, next: RoomCounts) => previous !== null && next.urgent > previous.urgent;
