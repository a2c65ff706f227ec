// The sender's side of "urgent content in room R, event E": after a high or critical alert is in
// the room, the control plane is told its ids (never its content) and notifies the room's other
// members. The alert is already sent either way, so a failure here never turns the send into one.
import type { AlertSeverity } from "#shared/content/alert.js";
import type { Api } from "../api/client.js";

/** false only when the alert was urgent and the control plane could not be told. */
export async function reportIfUrgent(api: Api, roomId: string, eventId: string, severity: AlertSeverity): Promise<boolean> {
  if (severity !== "high" && severity !== "critical") return true;
  try {
    await api.reportUrgent({ roomId, eventId, severity });
    return true;
  } catch {
    return false;
  }
}
