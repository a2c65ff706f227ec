import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

interface LoadRequest {
  method?: string;
  path: string;
  body?: string;
  headers?: Record<string, string>;
}
export interface LoadJob {
  url: string;
  paths?: string[];
  requests?: LoadRequest[];
  headers?: Record<string, string>;
  connections: number;
  durationS: number;
  rate?: number;
  /** Answers other than 2xx are part of the load (wrong passwords): only transport errors fail the job. */
  allowNon2xx?: boolean;
}
export interface LoadResult {
  rps: number;
  total: number;
  errors: number;
  transportErrors: number;
  non2xx: number;
  p50: number;
  p99: number;
  max: number;
}

/** Closed loop when `rate` is absent (saturation); a fixed overall request rate otherwise. */
export async function load(job: LoadJob): Promise<LoadResult> {
  const { stdout } = await run(process.execPath, [new URL("./cannon.mjs", import.meta.url).pathname, JSON.stringify(job)], { maxBuffer: 1 << 20 });
  const r = JSON.parse(stdout) as LoadResult;
  if ((job.allowNon2xx ? r.transportErrors : r.errors) > 0) throw new Error(`${r.errors} failed requests against ${job.url}`);
  return r;
}
