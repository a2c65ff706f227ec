import type { MatrixClient } from "matrix-js-sdk";

/**
 * To whom did the room key of a message go? The Rust crypto does not report per-event key
 * sharing, so this recomputes what its encryption settings decide at the moment of sending:
 * the room's encryption targets (joined members, and invited ones where history allows), and of
 * their devices only those their owner cross-signed (OnlySignedDevicesIsolationMode, session.ts).
 * The sender's own devices are left out: the figure is about the other people; so is the
 * registry bot, which creates every managed room and has no device.
 */
interface DeviceFacts {
  deviceId: string;
  signedByOwner: boolean;
  /** The person's dehydrated device (MSC3814): it holds keys for their next sign-in, nobody reads on it. */
  dehydrated?: boolean;
}
export interface MemberDevices {
  userId: string;
  devices: DeviceFacts[];
}
export type WithheldReason = "not-cross-signed" | "no-device";
export interface DeliveryReport {
  /** People with at least one device that gets the key (a dehydrated one included). */
  people: number;
  /** The devices people read on that get the key (dehydrated devices not counted). */
  devices: number;
  /** People reached only through their dehydrated device: away now, they read it at their next sign-in. */
  away: string[];
  /** Devices (or people without any device) that get no key, and why. */
  withheld: Array<{ userId: string; deviceId: string | null; reason: WithheldReason }>;
  /** People none of whose devices gets the key: they cannot read the message now. */
  unreached: string[];
}

/** Pure: the report from the members' devices as the sender's crypto knows them. */
export function summarizeDelivery(members: readonly MemberDevices[], senderUserId: string): DeliveryReport {
  const report: DeliveryReport = { people: 0, devices: 0, away: [], withheld: [], unreached: [] };
  for (const m of members) {
    if (m.userId === senderUserId) continue;
    if (m.devices.length === 0) {
      report.withheld.push({ userId: m.userId, deviceId: null, reason: "no-device" });
      report.unreached.push(m.userId);
      continue;
    }
    const signed = m.devices.filter((d) => d.signedByOwner);
    for (const d of m.devices) if (!d.signedByOwner) report.withheld.push({ userId: m.userId, deviceId: d.deviceId, reason: "not-cross-signed" });
    if (signed.length) {
      const reading = signed.filter((d) => !d.dehydrated).length;
      report.people++;
      report.devices += reading;
      if (reading === 0) report.away.push(m.userId);
    } else report.unreached.push(m.userId);
  }
  return report;
}

/** Counts of withheld entries by reason, for a one-line summary. */
export function withheldByReason(r: DeliveryReport): Partial<Record<WithheldReason, number>> {
  const out: Partial<Record<WithheldReason, number>> = {};
  for (const w of r.withheld) out[w.reason] = (out[w.reason] ?? 0) + 1;
  return out;
}

/** The members' devices of a room as this client's Rust crypto knows them (no network, except members not loaded yet). */
export async function memberDevices(client: MatrixClient, roomId: string): Promise<MemberDevices[]> {
  const room = client.getRoom(roomId);
  const crypto = client.getCrypto();
  if (!room || !crypto) return [];
  await room.loadMembersIfNeeded();
  // The room's creator is the registry bot (it creates every managed room): not a person, holds no device.
  const creator = room.getCreator();
  const userIds = (await room.getEncryptionTargetMembers()).map((m) => m.userId).filter((u) => u !== creator);
  const map = await crypto.getUserDeviceInfo(userIds);
  const out: MemberDevices[] = [];
  for (const userId of userIds) {
    const devices: DeviceFacts[] = [];
    for (const [deviceId, device] of map.get(userId) ?? []) {
      const status = await crypto.getDeviceVerificationStatus(userId, deviceId);
      devices.push({ deviceId, signedByOwner: status?.signedByOwner ?? false, dehydrated: device.dehydrated });
    }
    out.push({ userId, devices });
  }
  return out;
}

/** The delivery report of a message sent now to this room by this client. */
export async function deliveryReport(client: MatrixClient, roomId: string): Promise<DeliveryReport> {
  return summarizeDelivery(await memberDevices(client, roomId), client.getUserId() ?? "");
}
