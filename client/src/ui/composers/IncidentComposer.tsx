import { useTranslation } from "react-i18next";
import type { EnlaceSession } from "#shared/matrix/session.js";
import { sendContent } from "#shared/matrix/send.js";
import { IncidentStatus } from "#shared/content/incident.js";
import type { Tlp } from "#shared/content/tlp.js";
import { SelectField, TextArea, TextField } from "../components/Field.js";
import { DateTimeField } from "../components/DateTimeField.js";
import { emptyIncident, incidentContent } from "./forms.js";
import { SendFeedback, SubmitRow, TlpSelect } from "./parts.js";
import { useComposerForm } from "./useComposerForm.js";

export function IncidentComposer({ session, roomId, ceiling }: { session: EnlaceSession; roomId: string; ceiling: Tlp | null }) {
  const { t } = useTranslation();
  const { f, setF, set, err, form, sender, submit } = useComposerForm(() => emptyIncident(ceiling));
  const onSubmit = submit(
    (x) => incidentContent(x, ceiling),
    async (content) => {
      await sendContent(session, roomId, "incident", content);
      return t("compose.sent");
    },
  );

  return (
    <form ref={form} className="composer-form" onSubmit={onSubmit} noValidate aria-label={t("compose.kinds.incident")}>
      <TlpSelect value={f.tlp} onChange={(tlp) => setF({ ...f, tlp })} ceiling={ceiling} error={err("tlp")} />
      <TextField label={t("compose.incident.title")} name="title" maxLength={200} value={f.title} onChange={set("title")} error={err("title")} />
      <TextArea label={t("compose.incident.what")} name="what" rows={4} value={f.what} onChange={set("what")} error={err("what")} />
      <TextField label={t("compose.incident.where")} name="where" maxLength={300} value={f.where} onChange={set("where")} error={err("where")} />
      <div className="field-row">
        <DateTimeField kind="datetime" label={t("compose.incident.when")} name="when" value={f.when} onChange={set("when")} error={err("when")} />
        <SelectField label={t("compose.incident.status")} name="status" value={f.status} onChange={set("status")} error={err("status")}>
          {IncidentStatus.options.map((s) => (
            <option key={s} value={s}>
              {t(`content.incidentStatus.${s}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <SendFeedback phase={sender.phase} />
      <SubmitRow label={t("compose.incident.send")} busy={sender.busy} />
    </form>
  );
}
