import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { EnlaceSession } from "#shared/matrix/session.js";
import { shareDocument } from "#shared/matrix/documents.js";
import { Language } from "#shared/content/fields.js";
import type { Tlp } from "#shared/content/tlp.js";
import { useApi } from "../../app/api-context.js";
import { useAsync } from "../../app/async.js";
import { useFormat } from "../../i18n/format.js";
import { SelectField, TextArea, TextField } from "../components/Field.js";
import { DateTimeField } from "../components/DateTimeField.js";
import { documentMeta, emptyDocument, mimeOf } from "./forms.js";
import { FilePicker } from "./FilePicker.js";
import { SendFeedback, SubmitRow, TlpSelect } from "./parts.js";
import { useComposerForm } from "./useComposerForm.js";

/** A lessons-learned document: the file is encrypted here, then uploaded with a visible progress bar. */
export function DocumentComposer({ session, roomId, ceiling }: { session: EnlaceSession; roomId: string; ceiling: Tlp | null }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const api = useApi();
  const [events] = useAsync(api.majorEvents, "events");
  const initialLanguage = Language.safeParse(i18n.language).success ? i18n.language : "en";
  const { f, setF, set, err, form, sender, submit } = useComposerForm(() => emptyDocument(ceiling, initialLanguage));
  const [file, setFile] = useState<File | null>(null);
  // A new picker after each share: a file input cannot be emptied through React state.
  const [picker, setPicker] = useState(0);
  const registry = events.status === "ready" ? [...events.data].sort((a, b) => b.startsOn.localeCompare(a.startsOn)) : [];

  function pickEvent(id: string) {
    const ev = registry.find((x) => x.id === id);
    setF({ ...f, eventId: id, event: ev ? ev.name : f.event, date: f.date || (ev ? ev.endsOn.slice(0, 10) : "") });
  }

  const onSubmit = submit(
    (x) => documentMeta(x, file, ceiling),
    async (meta, report) => {
      const picked = file!;
      report("encrypting");
      const bytes = new Uint8Array(await picked.arrayBuffer());
      await shareDocument(session, roomId, { bytes, filename: picked.name, mimetype: mimeOf(picked) }, meta, (loaded, total) =>
        report("uploading", { loaded, total, name: picked.name }),
      );
      setFile(null);
      setPicker((n) => n + 1);
      return t("compose.document.sent", { name: picked.name });
    },
  );

  return (
    <form ref={form} className="composer-form" onSubmit={onSubmit} noValidate aria-label={t("compose.kinds.document")}>
      <FilePicker
        key={picker}
        label={t("compose.document.file")}
        hint={t("compose.document.fileHint")}
        name="file"
        files={file ? [file] : []}
        onChange={(fs) => setFile(fs[0] ?? null)}
        error={err("file")}
      />
      <TlpSelect value={f.tlp} onChange={(tlp) => setF({ ...f, tlp })} ceiling={ceiling} error={err("tlp")} />
      <TextField label={t("compose.document.title")} name="title" maxLength={200} value={f.title} onChange={set("title")} error={err("title")} />
      <SelectField
        label={t("compose.document.registryEvent")}
        name="registryEvent"
        value={f.eventId}
        onChange={(e) => pickEvent(e.target.value)}
        error={err("eventId")}
      >
        <option value="">{t("compose.document.noRegistryEvent")}</option>
        {registry.map((ev) => (
          <option key={ev.id} value={ev.id}>
            {ev.name}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t("compose.document.event")}
        hint={t("compose.document.eventHint")}
        name="event"
        maxLength={200}
        value={f.event}
        onChange={set("event")}
        error={err("event")}
      />
      <div className="field-row">
        <DateTimeField kind="date" label={t("compose.document.date")} name="date" value={f.date} onChange={set("date")} error={err("date")} />
        <SelectField label={t("compose.document.language")} name="language" value={f.language} onChange={set("language")} error={err("language")}>
          {Language.options.map((l) => (
            <option key={l} value={l}>
              {fmt.language(l)}
            </option>
          ))}
        </SelectField>
      </div>
      <TextField
        label={t("compose.document.topics")}
        hint={t("compose.document.topicsHint")}
        name="topics"
        value={f.topics}
        onChange={set("topics")}
        error={err("topics")}
      />
      <TextArea label={t("compose.document.summary")} name="summary" rows={4} value={f.summary} onChange={set("summary")} error={err("summary")} />
      <SendFeedback phase={sender.phase} />
      <SubmitRow label={t("compose.document.send")} busy={sender.busy} />
    </form>
  );
}
