import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { EnlaceSession } from "#shared/matrix/session.js";
import { sendContent } from "#shared/matrix/send.js";
import { sendCounted } from "../../matrix/delivery-store.js";
import { uploadEncryptedFile } from "#shared/matrix/documents.js";
import { AlertCategory, AlertSeverity, MAX_ALERT_ATTACHMENTS, SourceReliability, type AlertContent } from "#shared/content/alert.js";
import { MAX_DOCUMENT_BYTES } from "#shared/content/errors.js";
import type { FileRef } from "#shared/content/fields.js";
import type { Tlp } from "#shared/content/tlp.js";
import { useReference } from "../../app/reference.js";
import { useApi } from "../../app/api-context.js";
import { reportIfUrgent } from "../../notify/urgent.js";
import { SelectField, TextArea, TextField } from "../components/Field.js";
import { DateTimeField } from "../components/DateTimeField.js";
import { StatePicker } from "../components/StatePicker.js";
import { alertContent, emptyAlert, mimeOf, type AlertForm, type Checked } from "./forms.js";
import type { FieldError } from "./issues.js";
import { FilePicker } from "./FilePicker.js";
import { SendFeedback, SubmitRow, TlpSelect } from "./parts.js";
import { useComposerForm } from "./useComposerForm.js";

const CREDIBILITY = ["1", "2", "3", "4", "5", "6"] as const;

export function AlertComposer({ session, roomId, ceiling, myState }: { session: EnlaceSession; roomId: string; ceiling: Tlp | null; myState: string | null }) {
  const { t } = useTranslation();
  const { memberStates } = useReference();
  const api = useApi();
  const { f, setF, set, err, form, sender, submit } = useComposerForm(() => emptyAlert(ceiling, myState));
  const [files, setFiles] = useState<File[]>([]);
  const [picker, setPicker] = useState(0);
  const states = memberStates.status === "ready" ? memberStates.data.map((s) => s.code) : [];

  // The text is checked first; attachments are encrypted and uploaded only once it passes.
  const check = (x: AlertForm): Checked<AlertContent> => {
    const checked = alertContent(x, ceiling);
    const fileError: FieldError | undefined =
      files.length > MAX_ALERT_ATTACHMENTS
        ? { key: "tooMany", values: { max: MAX_ALERT_ATTACHMENTS } }
        : files.some((file) => file.size > MAX_DOCUMENT_BYTES)
          ? { key: "fileTooLarge", values: { max: "50 MiB" } }
          : undefined;
    return fileError ? { ok: false, errors: { ...(checked.ok ? {} : checked.errors), attachments: fileError } } : checked;
  };
  const onSubmit = submit(check, async (content, report) => {
    const refs: FileRef[] = [];
    for (const file of files) {
      report("encrypting");
      const bytes = new Uint8Array(await file.arrayBuffer());
      refs.push(
        await uploadEncryptedFile(session, { bytes, filename: file.name, mimetype: mimeOf(file) }, (loaded, total) =>
          report("uploading", { loaded, total, name: file.name }),
        ),
      );
    }
    report("sending");
    const eventId = await sendCounted(session, roomId, () => sendContent(session, roomId, "alert", refs.length ? { ...content, attachments: refs } : content));
    setFiles([]);
    setPicker((n) => n + 1);
    // High and critical: the room's other members are notified (push, mail) through the control plane.
    return (await reportIfUrgent(api, roomId, eventId, content.severity)) ? t("compose.sent") : t("notify.urgent.sentNotTold");
  });

  return (
    <form ref={form} className="composer-form" onSubmit={onSubmit} noValidate aria-label={t("compose.kinds.alert")}>
      <TlpSelect value={f.tlp} onChange={(tlp) => setF({ ...f, tlp })} ceiling={ceiling} error={err("tlp")} />
      <TextField label={t("compose.alert.title")} name="title" maxLength={200} value={f.title} onChange={set("title")} error={err("title")} />
      <TextArea label={t("compose.alert.summary")} name="summary" rows={4} value={f.summary} onChange={set("summary")} error={err("summary")} />
      <div className="field-row">
        <SelectField label={t("compose.alert.severity")} name="severity" value={f.severity} onChange={set("severity")} error={err("severity")}>
          {AlertSeverity.options.map((s) => (
            <option key={s} value={s}>
              {t(`content.severity.${s}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("compose.alert.category")} name="category" value={f.category} onChange={set("category")} error={err("category")}>
          <option value="">{t("compose.choose")}</option>
          {AlertCategory.options.map((c) => (
            <option key={c} value={c}>
              {t(`content.category.${c}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <StatePicker
        legend={t("compose.alert.affectedStates")}
        codes={states}
        value={f.affectedStates}
        onChange={(affectedStates) => setF({ ...f, affectedStates })}
        error={err("affectedStates")}
      />
      <TextField label={t("compose.alert.location")} name="location" maxLength={300} value={f.location} onChange={set("location")} error={err("location")} />
      <DateTimeField
        kind="datetime"
        label={t("compose.alert.validUntil")}
        name="validUntil"
        value={f.validUntil}
        onChange={set("validUntil")}
        error={err("validUntil")}
      />
      <fieldset className="choices admiralty">
        <legend>{t("compose.alert.admiralty")}</legend>
        <p className="hint">{t("compose.alert.admiraltyHint")}</p>
        <div className="field-row">
          <SelectField
            label={t("compose.alert.reliability")}
            name="sourceReliability"
            value={f.sourceReliability}
            onChange={set("sourceReliability")}
            error={err("sourceReliability")}
          >
            <option value="">{t("compose.choose")}</option>
            {SourceReliability.options.map((r) => (
              <option key={r} value={r}>
                {t(`compose.reliability.${r}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t("compose.alert.credibility")}
            name="informationCredibility"
            value={f.informationCredibility}
            onChange={set("informationCredibility")}
            error={err("informationCredibility")}
          >
            <option value="">{t("compose.choose")}</option>
            {CREDIBILITY.map((c) => (
              <option key={c} value={c}>
                {t(`compose.credibility.${c}`)}
              </option>
            ))}
          </SelectField>
        </div>
        {f.sourceReliability && f.informationCredibility && (
          <p className="admiralty-code" translate="no">
            {f.sourceReliability}
            {f.informationCredibility}
          </p>
        )}
      </fieldset>
      <FilePicker
        key={picker}
        label={t("compose.alert.attachments")}
        hint={t("compose.alert.attachmentsHint")}
        name="attachments"
        multiple
        files={files}
        onChange={setFiles}
        error={err("attachments")}
      />
      <SendFeedback phase={sender.phase} />
      <SubmitRow label={t("compose.alert.send")} busy={sender.busy} />
    </form>
  );
}
