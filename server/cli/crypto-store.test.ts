import { describe, expect, it } from "vitest";
import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serialize } from "node:v8";
import { IDBFactory } from "fake-indexeddb";
import { loadCryptoStore, removeCryptoStore, saveCryptoStore } from "./crypto-store.js";

// Each test has its own IndexedDBs (fake-indexeddb factories), never the process's global one.
const done = <T>(r: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });

/** A database shaped like the Rust crypto store's: binary out-of-line keys, key paths, a compound unique index, auto-increment. */
async function seed(idb: IDBFactory) {
  const open = idb.open("enlace::matrix-sdk-crypto", 7);
  open.onupgradeneeded = () => {
    const db = open.result;
    db.createObjectStore("core");
    const sessions = db.createObjectStore("inbound_group_sessions", { keyPath: "id" });
    sessions.createIndex("by_room_and_sender", ["room", "sender"], { unique: true });
    sessions.createIndex("tags", "tags", { multiEntry: true });
    db.createObjectStore("queue", { autoIncrement: true });
  };
  const db = await done(open);
  const t = db.transaction(["core", "inbound_group_sessions", "queue"], "readwrite");
  t.objectStore("core").put({ pickle: new Uint8Array([1, 2, 3, 255]), when: new Date(0) }, new Uint8Array([9, 8, 7]));
  t.objectStore("core").put(new Map([["a", 1]]), "account");
  t.objectStore("inbound_group_sessions").put({ id: "s1", room: "!r", sender: "k1", tags: ["x", "y"], data: new Uint8Array(64).fill(5) });
  t.objectStore("inbound_group_sessions").put({ id: "s2", room: "!r", sender: "k2", tags: [], data: new Uint8Array(0) });
  t.objectStore("queue").put("first");
  t.objectStore("queue").put("second");
  await new Promise((r) => (t.oncomplete = r));
  db.close();
}

async function contents(idb: IDBFactory) {
  const db = await done(idb.open("enlace::matrix-sdk-crypto"));
  const t = db.transaction([...db.objectStoreNames], "readonly");
  const out: Record<string, unknown> = { version: db.version };
  for (const name of db.objectStoreNames) {
    const s = t.objectStore(name);
    out[name] = {
      keyPath: s.keyPath,
      autoIncrement: s.autoIncrement,
      indexes: [...s.indexNames].map((i) => ({ i, keyPath: s.index(i).keyPath, unique: s.index(i).unique, multiEntry: s.index(i).multiEntry })),
      keys: await done(s.getAllKeys()),
      values: await done(s.getAll()),
    };
  }
  db.close();
  return out;
}

const withDir = async (f: (dir: string) => Promise<void>) => {
  const dir = await mkdtemp(join(tmpdir(), "enlace-crypto-store-"));
  try {
    await f(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

describe("the sender's crypto store on disk", () => {
  it("comes back in a new process exactly: schema version, stores, indexes, binary keys and values", () =>
    withDir(async (dir) => {
      const path = join(dir, "sender", "crypto-store.bin");
      const first = new IDBFactory();
      await seed(first);
      await saveCryptoStore(path, first);
      expect((await stat(path)).mode & 0o777).toBe(0o600);

      const next = new IDBFactory();
      expect(await loadCryptoStore(path, next)).toBe(true);
      expect(await contents(next)).toEqual(await contents(first));

      // The SDK opens it at the version it knows: no upgrade runs, and the data is there.
      const open = next.open("enlace::matrix-sdk-crypto", 7);
      let upgraded = false;
      open.onupgradeneeded = () => {
        upgraded = true;
      };
      const db = await done(open);
      expect(upgraded).toBe(false);
      // The unique compound index still holds, and auto-increment goes on after the last key.
      const t = db.transaction(["inbound_group_sessions", "queue"], "readwrite");
      const dup = t.objectStore("inbound_group_sessions").put({ id: "s3", room: "!r", sender: "k1", tags: [] });
      const queued = t.objectStore("queue").put("third");
      dup.onerror = (e) => e.preventDefault();
      await new Promise((r) => setTimeout(r, 20));
      expect(dup.error?.name).toBe("ConstraintError");
      expect(queued.result).toBe(3);
      db.close();
    }));

  it("a first run has no store yet; a snapshot of another format is refused, not misread", () =>
    withDir(async (dir) => {
      expect(await loadCryptoStore(join(dir, "none.bin"), new IDBFactory())).toBe(false);
      const odd = join(dir, "odd.bin");
      await writeFile(odd, serialize({ format: 99, databases: [] }));
      await expect(loadCryptoStore(odd, new IDBFactory())).rejects.toThrow(/another version of enlace/);
    }));

  it("removing it deletes the file and the databases", () =>
    withDir(async (dir) => {
      const path = join(dir, "crypto-store.bin");
      const idb = new IDBFactory();
      await seed(idb);
      await saveCryptoStore(path, idb);
      await removeCryptoStore(path, idb);
      expect(await idb.databases()).toEqual([]);
      expect(await loadCryptoStore(path, new IDBFactory())).toBe(false);
    }));
});
