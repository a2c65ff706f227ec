import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { EnlaceSession } from "#shared/matrix/session.js";
import { sendContent } from "#shared/matrix/send.js";
import type { ExpertiseStatus } from "#shared/content/expertise-request.js";
import type { Tlp } from "#shared/content/tlp.js";
import { TextField } from "../components/Field.js";
import { expertiseStatusContent } from "./forms.js";
import { SendFeedback } from "./parts.js";
import { useSender } from "./useSender.js";

/** For the requester (or an officer, or the host's coordinator): mark matched, close, or reopen. */
export function ExpertiseStatusControl({
  session,
  roomId,
  requestEventId,
  tlp,
  ceiling,
  current,
}: {
  session: EnlaceSession;
  roomId: string;
  requestEventId: string;
  tlp: Tlp;
  ceiling: Tlp | null;
  current: ExpertiseStatus;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState("");
  const sender = useSender();
  const next: ExpertiseStatus[] = current === "open" ? ["matched", "closed"] : ["open"];

  async function change(status: ExpertiseStatus) {
    const checked = expertiseStatusContent(tlp, requestEventId, status, note, ceiling);
    if (!checked.ok) {
      sender.fail(t("compose.err.invalidContent"));
      return;
    }
    const ok = await sender.run(async () => {
      await sendContent(session, roomId, "expertise.status", checked.content);
      return t("expertise.statusSent");
    });
    if (ok) setNote("");
  }

  return (
    <div className="status-control">
      <TextField label={t("expertise.statusNote")} name="statusNote" maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
      <div className="actions">
        {next.map((s) => (
          <button key={s} type="button" disabled={sender.busy} onClick={() => void change(s)}>
            {t(`expertise.set.${s}`)}
          </button>
        ))}
      </div>
      <SendFeedback phase={sender.phase} />
    </div>
  );
}
