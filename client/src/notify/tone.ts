// The urgent chime: two short tones made with Web Audio (no audio file to ship or to fetch).
// Browsers let a page play sound only after the person has interacted with it; before that the
// context stays suspended and the chime is silently skipped (the title and badge still change).

let ctx: AudioContext | null = null;

export async function playUrgentTone(): Promise<void> {
  const Ctor = globalThis.AudioContext;
  if (!Ctor) return;
  ctx ??= new Ctor();
  if (ctx.state === "suspended") await ctx.resume().catch(() => undefined);
  if (ctx.state !== "running") return;
  const start = ctx.currentTime;
  for (const [i, freq] of [880, 1175].entries()) {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    const t0 = start + i * 0.22;
    osc.type = "sine";
    osc.frequency.value = freq;
    // A quick attack and decay: no click at either end.
    gain.gain.setValueAtTime(0.0001, t0);
    gain.gain.exponentialRampToValueAtTime(0.25, t0 + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, t0 + 0.18);
    osc.connect(gain).connect(ctx.destination);
    osc.start(t0);
    osc.stop(t0 + 0.2);
  }
}
