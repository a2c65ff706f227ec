import { useTranslation } from "react-i18next";
import type { EnlaceSession } from "#shared/matrix/session.js";
import { sendContent } from "#shared/matrix/send.js";
import { IncidentStatus } from "#shared/content/incident.js";
import type { Tlp } from "#shared/content/tlp.js";
import { SelectField, TextArea } from "../components/Field.js";
import { defaultTlp, incidentUpdateContent, type UpdateForm } from "./forms.js";
import { SendFeedback, SubmitRow, TlpSelect } from "./parts.js";
import { useComposerForm } from "./useComposerForm.js";

/** A status update in an incident's thread; its marking starts at the incident's own. */
export function IncidentUpdateComposer({
  session,
  roomId,
  incidentEventId,
  incidentTlp,
  currentStatus,
  ceiling,
}: {
  session: EnlaceSession;
  roomId: string;
  incidentEventId: string;
  incidentTlp: Tlp;
  currentStatus: string;
  ceiling: Tlp | null;
}) {
  const { t } = useTranslation();
  const blank = (): UpdateForm => ({ tlp: defaultTlp(ceiling, incidentTlp), status: currentStatus, text: "" });
  const { f, setF, set, err, form, sender, submit } = useComposerForm(blank);
  const onSubmit = submit(
    (x) => incidentUpdateContent(x, incidentEventId, ceiling),
    async (content) => {
      await sendContent(session, roomId, "incident.update", content);
      return t("compose.sent");
    },
    (sent) => ({ ...blank(), status: sent.status }),
  );

  return (
    <form ref={form} className="composer-form panel" onSubmit={onSubmit} noValidate aria-labelledby="update-title">
      <h2 id="update-title">{t("compose.update.title")}</h2>
      <div className="field-row">
        <SelectField label={t("compose.update.status")} name="status" value={f.status} onChange={set("status")} error={err("status")}>
          {IncidentStatus.options.map((s) => (
            <option key={s} value={s}>
              {t(`content.incidentStatus.${s}`)}
            </option>
          ))}
        </SelectField>
        <TlpSelect value={f.tlp} onChange={(tlp) => setF({ ...f, tlp })} ceiling={ceiling} error={err("tlp")} />
      </div>
      <TextArea label={t("compose.update.text")} name="text" rows={3} value={f.text} onChange={set("text")} error={err("text")} />
      <SendFeedback phase={sender.phase} />
      <SubmitRow label={t("compose.update.send")} busy={sender.busy} />
    </form>
  );
}
