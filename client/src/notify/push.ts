// Web Push on this device: subscribe (only from a button the person pressed: the permission prompt
// is never shown on load), tell the control plane which Matrix device the subscription belongs to,
// and undo both on sign-out. The subscribed device is remembered here so sign-out can name it
// after the Matrix session is gone.
import type { Api } from "../api/client.js";
import type { PushSubscriptionBody } from "../api/types.js";

const DEVICE_KEY = "enlace.push.device";

export type PushSupport = "unsupported" | "denied" | "default" | "granted";

export function pushSupport(): PushSupport {
  if (!("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) return "unsupported";
  return Notification.permission;
}

/** The VAPID key as the bytes pushManager.subscribe wants (the contract gives base64url). */
export function applicationServerKey(base64url: string): Uint8Array<ArrayBuffer> {
  const b64 = base64url.replace(/-/g, "+").replace(/_/g, "/");
  const bin = atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4));
  const out = new Uint8Array(new ArrayBuffer(bin.length));
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function remember(deviceId: string | null) {
  try {
    if (deviceId) window.localStorage.setItem(DEVICE_KEY, deviceId);
    else window.localStorage.removeItem(DEVICE_KEY);
  } catch {
    /* private mode: sign-out then relies on the server removing the device's subscription */
  }
}

function remembered(): string | null {
  try {
    return window.localStorage.getItem(DEVICE_KEY);
  } catch {
    return null;
  }
}

/** This browser's current subscription, if any. */
export async function currentSubscription(): Promise<PushSubscription | null> {
  if (pushSupport() === "unsupported") return null;
  const reg = await navigator.serviceWorker.getRegistration("/");
  return (await reg?.pushManager.getSubscription()) ?? null;
}

/** Asks for permission (call from a click), subscribes, and registers the subscription for this device. */
export async function subscribeThisDevice(api: Api, deviceId: string): Promise<"subscribed" | "denied"> {
  const permission = await Notification.requestPermission();
  if (permission !== "granted") return "denied";
  const reg = await navigator.serviceWorker.ready;
  const { publicKey } = await api.vapidKey();
  const existing = await reg.pushManager.getSubscription();
  const sub = existing ?? (await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: applicationServerKey(publicKey) }));
  await api.subscribePush(deviceId, sub.toJSON() as PushSubscriptionBody);
  remember(deviceId);
  return "subscribed";
}

/** Stops push here: the browser's subscription and the control plane's record. Never throws (sign-out must go on). */
export async function unsubscribeThisDevice(api: Api, deviceId = remembered()): Promise<void> {
  try {
    await (await currentSubscription())?.unsubscribe();
  } catch {
    /* the browser's side is best effort; the server's record is what stops the pushes */
  }
  if (deviceId) await api.unsubscribePush(deviceId).catch(() => undefined);
  remember(null);
}
