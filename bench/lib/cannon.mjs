// Load generator in its own process (autocannon), so the server under test keeps a core and an
// event loop to itself. Reads a JSON job from argv, prints a JSON result.
import autocannon from "autocannon";

const job = JSON.parse(process.argv[2]);
const requests = job.requests
  ? job.requests.map((r) => ({
      method: r.method ?? "GET",
      path: r.path,
      headers: { ...job.headers, ...r.headers },
      ...(r.body !== undefined ? { body: r.body } : {}),
    }))
  : job.paths.map((path) => ({ method: "GET", path, headers: job.headers }));
const result = await autocannon({
  url: job.url,
  connections: job.connections,
  duration: job.durationS,
  ...(job.rate ? { overallRate: job.rate } : {}),
  requests,
});
process.stdout.write(
  JSON.stringify({
    rps: result.requests.average,
    total: result.requests.total,
    errors: result.errors + result.non2xx,
    transportErrors: result.errors,
    non2xx: result.non2xx,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
  }),
);
