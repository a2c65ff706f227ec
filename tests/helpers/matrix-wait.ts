/** Polls until `check` holds, returning the time it took; fails with the last value seen. */
export async function eventually<T>(check: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 10_000, stepMs = 25): Promise<{ value: T; ms: number }> {
  const t0 = Date.now();
  let last: T | undefined;
  let lastErr: unknown;
  while (Date.now() - t0 < timeoutMs) {
    try {
      last = await check();
      if (ok(last)) return { value: last, ms: Date.now() - t0 };
    } catch (err) {
      lastErr = err;
    }
    await new Promise((r) => setTimeout(r, stepMs));
  }
  throw new Error(
    `condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(last)}${lastErr ? `; last error: ${(lastErr as Error).message}` : ""}`,
  );
}
