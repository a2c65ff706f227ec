// Which Matrix device this browser holds, so a reload signs in to the same device (and its
// IndexedDB crypto store) instead of creating a new one. Only identifiers are stored: the access
// token stays in memory and every page load gets a fresh one through the control plane's single-use login grant.

export interface DeviceRecord {
  personId: string;
  userId: string;
  deviceId: string;
}
type Store = Pick<Storage, "getItem" | "setItem" | "removeItem">;

const KEY = "enlace.matrix.device";

export function readDevice(storage: Store | null): DeviceRecord | null {
  try {
    const v = JSON.parse(storage?.getItem(KEY) ?? "null") as Partial<DeviceRecord> | null;
    return v && typeof v.personId === "string" && typeof v.userId === "string" && typeof v.deviceId === "string"
      ? { personId: v.personId, userId: v.userId, deviceId: v.deviceId }
      : null;
  } catch {
    return null;
  }
}

/** The device to sign in to again: only one that this same person set up in this browser. */
export function deviceToReuse(storage: Store | null, personId: string): DeviceRecord | null {
  const r = readDevice(storage);
  return r && r.personId === personId ? r : null;
}

export function writeDevice(storage: Store | null, r: DeviceRecord) {
  try {
    storage?.setItem(KEY, JSON.stringify(r));
  } catch {
    /* private mode: the next load makes a new device */
  }
}

export function forgetDevice(storage: Store | null) {
  try {
    storage?.removeItem(KEY);
  } catch {
    /* nothing stored */
  }
}
