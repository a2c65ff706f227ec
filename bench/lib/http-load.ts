import http from "node:http";

// A small HTTP load generator on keep-alive connections: closed loop to find saturation, open
// loop (fixed arrival rate, latency measured from the scheduled send time, so queueing counts)
// for latency at a given load.

export interface Target { port: number; path: string; method?: string; headers?: Record<string, string>; body?: string }

function once(agent: http.Agent, t: Target): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port: t.port, path: t.path, method: t.method ?? "GET", headers: t.headers, agent }, (res) => {
      res.on("data", () => {});
      res.on("end", () => (res.statusCode && res.statusCode < 400 ? resolve() : reject(new Error(`HTTP ${res.statusCode} for ${t.path}`))));
    });
    req.on("error", reject);
    if (t.body) req.write(t.body);
    req.end();
  });
}

export async function closedLoop(targets: () => Target, concurrency: number, durationMs: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const end = performance.now() + durationMs;
  let done = 0;
  const worker = async () => { while (performance.now() < end) { await once(agent, targets()); done++; } };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  agent.destroy();
  return { rps: done / ((performance.now() - t0) / 1000), requests: done };
}

export async function openLoop(targets: () => Target, rps: number, durationMs: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const latencies: number[] = [];
  const interval = 1000 / rps;
  const t0 = performance.now();
  const total = Math.floor((durationMs / 1000) * rps);
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const scheduled = t0 + i * interval;
    const wait = scheduled - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    inflight.push(once(agent, targets()).then(() => { latencies.push(performance.now() - scheduled); }));
  }
  await Promise.all(inflight);
  agent.destroy();
  return latencies;
}
