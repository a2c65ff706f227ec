// Whether the urgent chime is on, per person on this device (off unless they turn it on: a sound
// in a shared office is the person's choice). Kept in localStorage, keyed by person id.
import { useCallback, useSyncExternalStore } from "react";

const key = (personId: string) => `enlace.notify.sound.${personId}`;
const listeners = new Set<() => void>();

function read(personId: string): boolean {
  try {
    return window.localStorage.getItem(key(personId)) === "on";
  } catch {
    return false;
  }
}

export function useUrgentSound(personId: string): [boolean, (on: boolean) => void] {
  const on = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => read(personId),
  );
  const set = useCallback(
    (v: boolean) => {
      try {
        window.localStorage.setItem(key(personId), v ? "on" : "off");
      } catch {
        /* private mode: nothing can be stored, so the chime stays off */
      }
      for (const l of listeners) l();
    },
    [personId],
  );
  return [on, set];
}
