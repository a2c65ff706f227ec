import { Worker } from "node:worker_threads";
import { availableParallelism } from "node:os";
import { AppError } from "../../errors.js";

interface Job {
  id: number;
  msg: Record<string, unknown>;
  resolve(v: unknown): void;
  reject(e: Error): void;
}
interface Slot {
  worker: Worker;
  job: Job | null;
  ready: Promise<void>;
}

export interface PoolOptions {
  size?: number;
  maxQueue?: number;
}

const serverBusy = () => new AppError("server-busy", "The server is handling too many sign-ins at once. Try again in a moment.", { retryAfterSeconds: 2 });

/**
 * A fixed set of worker threads (one per core by default) with a bounded FIFO queue: CPU-heavy jobs
 * never run on the event loop, and a flood of them is refused (503) instead of queueing without end.
 * Workers are unref'd while idle so an idle pool never keeps a process alive.
 */
export function createWorkerPool(file: URL, opts: PoolOptions = {}) {
  const size = Math.max(1, opts.size ?? availableParallelism());
  const maxQueue = opts.maxQueue ?? size * 64;
  const queue: Job[] = [];
  const slots: Slot[] = [];
  let nextId = 1;
  let closed = false;

  function spawn(): Slot {
    const worker = new Worker(file);
    const slot: Slot = { worker, job: null, ready: Promise.resolve() };
    slot.ready = new Promise<void>((resolve, reject) => {
      const onMsg = (m: { ready?: boolean }) => {
        if (m.ready) {
          worker.off("message", onMsg);
          resolve();
        }
      };
      worker.on("message", onMsg);
      worker.once("error", reject);
    });
    slot.ready.catch(() => {});
    worker.on("message", (m: { id?: number; result?: unknown; error?: string }) => {
      if (m.id === undefined || !slot.job || slot.job.id !== m.id) return;
      const job = slot.job;
      slot.job = null;
      if (m.error !== undefined) job.reject(new Error(m.error));
      else job.resolve(m.result);
      pump();
    });
    // A crashed worker fails its job and is replaced, so the pool keeps its size.
    worker.on("error", (err) => {
      const job = slot.job;
      slot.job = null;
      job?.reject(err instanceof Error ? err : new Error(String(err)));
    });
    worker.on("exit", () => {
      const i = slots.indexOf(slot);
      if (i >= 0) slots.splice(i, 1);
      slot.job?.reject(new Error("password worker exited"));
      if (!closed) {
        slots.push(spawn());
        pump();
      }
    });
    worker.unref();
    return slot;
  }
  for (let i = 0; i < size; i++) slots.push(spawn());

  function pump() {
    for (const slot of slots) {
      if (slot.job) continue;
      const job = queue.shift();
      if (!job) {
        slot.worker.unref();
        continue;
      }
      slot.job = job;
      slot.worker.ref();
      slot.worker.postMessage({ ...job.msg, id: job.id });
    }
  }

  return {
    size,
    run<T>(msg: Record<string, unknown>): Promise<T> {
      if (closed) return Promise.reject(new Error("worker pool closed"));
      if (queue.length >= maxQueue) return Promise.reject(serverBusy());
      return new Promise<T>((resolve, reject) => {
        queue.push({ id: nextId++, msg, resolve: resolve as (v: unknown) => void, reject });
        pump();
      });
    },
    /** Jobs waiting for a worker (not counting the ones running). */
    queued: () => queue.length,
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error("worker pool closed"));
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
