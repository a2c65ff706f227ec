import { useTranslation } from "react-i18next";
import type { EnlaceSession } from "#shared/matrix/session.js";
import { sendContent } from "#shared/matrix/send.js";
import { ExpertiseForm } from "#shared/content/expertise-request.js";
import type { Tlp } from "#shared/content/tlp.js";
import { SelectField, TextArea, TextField } from "../components/Field.js";
import { defaultTlp, expertiseOfferContent, type OfferForm } from "./forms.js";
import { SendFeedback, SubmitRow, TlpSelect } from "./parts.js";
import { useComposerForm } from "./useComposerForm.js";

/** A reply to an expertise request, in the request's room; its marking starts at the request's. */
export function ExpertiseOfferComposer({
  session,
  roomId,
  requestEventId,
  requestTlp,
  ceiling,
  onCancel,
}: {
  session: EnlaceSession;
  roomId: string;
  requestEventId: string;
  requestTlp: Tlp;
  ceiling: Tlp | null;
  onCancel?(): void;
}) {
  const { t } = useTranslation();
  const { f, setF, set, err, form, sender, submit } = useComposerForm(
    (): OfferForm => ({ tlp: defaultTlp(ceiling, requestTlp), areas: "", form: "either", availability: "", note: "" }),
  );
  const onSubmit = submit(
    (x) => expertiseOfferContent(x, requestEventId, ceiling),
    async (content) => {
      await sendContent(session, roomId, "expertise.offer", content);
      return t("compose.sent");
    },
  );

  return (
    <form ref={form} className="composer-form" onSubmit={onSubmit} noValidate aria-label={t("compose.offer.title")}>
      <TextField
        label={t("compose.offer.areas")}
        hint={t("compose.request.areasHint")}
        name="areas"
        value={f.areas}
        onChange={set("areas")}
        error={err("areas")}
      />
      <div className="field-row">
        <SelectField label={t("compose.request.form")} name="form" value={f.form} onChange={set("form")} error={err("form")}>
          {ExpertiseForm.options.map((x) => (
            <option key={x} value={x}>
              {t(`content.expertiseForm.${x}`)}
            </option>
          ))}
        </SelectField>
        <TlpSelect value={f.tlp} onChange={(tlp) => setF({ ...f, tlp })} ceiling={ceiling} error={err("tlp")} />
      </div>
      <TextArea
        label={t("compose.offer.availability")}
        name="availability"
        rows={2}
        value={f.availability}
        onChange={set("availability")}
        error={err("availability")}
      />
      <TextArea label={t("compose.offer.note")} name="note" rows={2} value={f.note} onChange={set("note")} error={err("note")} />
      <SendFeedback phase={sender.phase} />
      <SubmitRow label={t("compose.offer.send")} busy={sender.busy} onCancel={onCancel} />
    </form>
  );
}
