import type { ConversationView } from "#shared/api/conversations.js";

/**
 * The conversation's room id once the reconciler has made it (a job right after the start, usually
 * well under a second), asking again with a growing pause; null after `timeoutMs`.
 */
export async function roomOnceMade(list: () => Promise<ConversationView[]>, id: string, timeoutMs = 20_000): Promise<string | null> {
  const t0 = Date.now();
  for (let pause = 250; Date.now() - t0 < timeoutMs; pause = Math.min(2000, pause * 2)) {
    await new Promise((r) => setTimeout(r, pause));
    const found = (await list()).find((c) => c.id === id)?.roomId;
    if (found) return found;
  }
  return null;
}
