// The command-line sender's Rust crypto store, kept on disk between runs. matrix-js-sdk's Rust
// crypto persists only to IndexedDB; Node has none, so the store lives in fake-indexeddb (the
// in-memory IndexedDB that matrix-js-sdk's own tests run Rust crypto on) and is written to one file
// when the run ends and read back when the next begins. The snapshot is the IndexedDB API's own
// view (object stores, their key paths and indexes, every key and value), serialized with Node's
// structured-clone serializer (node:v8), so binary keys and values come back byte for byte and the
// SDK finds the same database at the same schema version. It holds the device's private keys: the
// file is the owner's alone (0600, in a 0700 directory) and replaced atomically. The functions take
// the IndexedDB to use; send.ts installs fake-indexeddb as the global one the SDK opens.
import { chmod, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { deserialize, serialize } from "node:v8";

interface StoreSnapshot {
  name: string;
  keyPath: string | string[] | null;
  autoIncrement: boolean;
  indexes: { name: string; keyPath: string | string[]; unique: boolean; multiEntry: boolean }[];
  records: [IDBValidKey, unknown][];
}
interface DatabaseSnapshot {
  name: string;
  version: number;
  stores: StoreSnapshot[];
}

const FORMAT = 1;

const done = <T>(r: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
const finished = (t: IDBTransaction) =>
  new Promise<void>((resolve, reject) => {
    t.oncomplete = () => resolve();
    t.onerror = () => reject(t.error);
    t.onabort = () => reject(t.error);
  });

async function dumpDatabase(idb: IDBFactory, name: string, version: number): Promise<DatabaseSnapshot> {
  const db = await done(idb.open(name));
  try {
    const names = [...db.objectStoreNames];
    if (names.length === 0) return { name, version, stores: [] };
    const t = db.transaction(names, "readonly");
    const stores = await Promise.all(
      names.map(async (storeName) => {
        const s = t.objectStore(storeName);
        const [keys, values] = await Promise.all([done(s.getAllKeys()), done(s.getAll())]);
        return {
          name: storeName,
          keyPath: s.keyPath as string | string[] | null,
          autoIncrement: s.autoIncrement,
          indexes: [...s.indexNames].map((i) => {
            const ix = s.index(i);
            return { name: i, keyPath: ix.keyPath as string | string[], unique: ix.unique, multiEntry: ix.multiEntry };
          }),
          // getAllKeys and getAll walk the store in the same (key) order.
          records: keys.map((k, n) => [k, values[n]] as [IDBValidKey, unknown]),
        };
      }),
    );
    await finished(t);
    return { name, version, stores };
  } finally {
    db.close();
  }
}

async function loadDatabase(idb: IDBFactory, d: DatabaseSnapshot) {
  const open = idb.open(d.name, d.version);
  open.onupgradeneeded = () => {
    const db = open.result;
    for (const s of d.stores) {
      const store = db.createObjectStore(s.name, { keyPath: s.keyPath, autoIncrement: s.autoIncrement });
      for (const i of s.indexes) store.createIndex(i.name, i.keyPath, { unique: i.unique, multiEntry: i.multiEntry });
    }
  };
  const db = await done(open);
  try {
    if (d.stores.length === 0) return;
    const t = db.transaction(
      d.stores.map((s) => s.name),
      "readwrite",
    );
    for (const s of d.stores) {
      const store = t.objectStore(s.name);
      for (const [key, value] of s.records) {
        if (s.keyPath === null) store.put(value, key);
        else store.put(value);
      }
    }
    await finished(t);
  } finally {
    db.close();
  }
}

/** Loads a snapshot written by saveCryptoStore into this process's (empty) IndexedDB; none yet is fine. */
export async function loadCryptoStore(path: string, idb: IDBFactory = indexedDB): Promise<boolean> {
  const raw = await readFile(path).catch((e: NodeJS.ErrnoException) => {
    if (e.code === "ENOENT") return null;
    throw e;
  });
  if (!raw) return false;
  const snap = deserialize(raw) as { format: number; databases: DatabaseSnapshot[] };
  if (snap.format !== FORMAT) throw new Error(`${path} was written by another version of enlace (format ${snap.format})`);
  for (const d of snap.databases) await loadDatabase(idb, d);
  return true;
}

/** Writes every IndexedDB database of this process to `path` (owner-only), replacing it atomically. */
export async function saveCryptoStore(path: string, idb: IDBFactory = indexedDB) {
  const databases: DatabaseSnapshot[] = [];
  for (const info of await idb.databases()) {
    if (info.name) databases.push(await dumpDatabase(idb, info.name, info.version ?? 1));
  }
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, serialize({ format: FORMAT, databases }), { mode: 0o600 });
  await chmod(tmp, 0o600);
  await rename(tmp, path);
}

/** Deletes the snapshot and this process's databases (a device the homeserver deleted: its keys are worthless). */
export async function removeCryptoStore(path: string, idb: IDBFactory = indexedDB) {
  await rm(path, { force: true });
  for (const info of await idb.databases()) {
    // A connection the SDK still holds only delays the deletion; never wait for it for ever.
    if (info.name) await Promise.race([done(idb.deleteDatabase(info.name)), new Promise((r) => setTimeout(r, 10_000))]);
  }
}
