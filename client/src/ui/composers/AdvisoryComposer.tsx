import { useTranslation } from "react-i18next";
import type { EnlaceSession } from "#shared/matrix/session.js";
import { publishAdvisory } from "#shared/matrix/advisories.js";
import { sendCounted } from "../../matrix/delivery-store.js";
import { advisoryReference } from "#shared/content/advisory.js";
import type { Tlp } from "#shared/content/tlp.js";
import { useApi } from "../../app/api-context.js";
import { useReference } from "../../app/reference.js";
import { Choice, Choices, SelectField, TextArea, TextField } from "../components/Field.js";
import { advisoryDraft, emptyAdvisory, type AdvisoryForm } from "./forms.js";
import { AdvisoryVersions } from "./AdvisoryVersions.js";
import { LANGUAGES, isLanguage, type Language } from "../../i18n/index.js";
import { useFormat } from "../../i18n/format.js";
import { DateTimeField } from "../components/DateTimeField.js";
import { SendFeedback, SubmitRow, TlpSelect } from "./parts.js";
import { useComposerForm } from "./useComposerForm.js";

/**
 * Secretariat advisories go through publishAdvisory: the control plane reserves the program's
 * next number and countersigns the digest (never the text), so a forwarded copy stays verifiable.
 */
export function AdvisoryComposer({
  session,
  roomId,
  ceiling,
  programs: mine,
}: {
  session: EnlaceSession;
  roomId: string;
  ceiling: Tlp | null;
  programs: string[];
}) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const api = useApi();
  const { programs, programName } = useReference();
  // The original is written in the interface's language unless the officer says otherwise.
  const interfaceLanguage: Language = isLanguage(i18n.language) ? i18n.language : "en";
  const { f, setF, set, err, form, sender, submit } = useComposerForm<AdvisoryForm>(() => emptyAdvisory(ceiling, mine[0] ?? "", interfaceLanguage));
  const all = programs.status === "ready" ? programs.data.map((p) => p.code) : mine;
  const toggle = (code: string, on: boolean) => setF({ ...f, programs: on ? [...f.programs, code] : f.programs.filter((p) => p !== code) });

  const cp = { reserveAdvisoryNumber: api.reserveAdvisoryNumber, countersignAdvisory: api.countersignAdvisory };
  const onSubmit = submit(
    (x) => advisoryDraft(x, ceiling),
    async (draft) => {
      const r = await sendCounted(session, roomId, () => publishAdvisory(session, cp, roomId, draft));
      return t("compose.advisory.published", { reference: advisoryReference(r.content) });
    },
    (sent) => emptyAdvisory(ceiling, sent.programCode, sent.language),
  );

  return (
    <form ref={form} className="composer-form" onSubmit={onSubmit} noValidate aria-label={t("compose.kinds.advisory")}>
      {mine.length > 1 ? (
        <SelectField
          label={t("compose.advisory.program")}
          name="programCode"
          value={f.programCode}
          onChange={(e) =>
            setF({ ...f, programCode: e.target.value, programs: f.programs.includes(e.target.value) ? f.programs : [...f.programs, e.target.value] })
          }
          error={err("programCode")}
        >
          {mine.map((p) => (
            <option key={p} value={p}>
              {programName(p)}
            </option>
          ))}
        </SelectField>
      ) : (
        <p className="muted">{t("compose.advisory.numbering", { program: programName(f.programCode) })}</p>
      )}
      <TlpSelect value={f.tlp} onChange={(tlp) => setF({ ...f, tlp })} ceiling={ceiling} error={err("tlp")} />
      <SelectField
        label={t("compose.advisory.language")}
        hint={t("compose.advisory.languageHint")}
        name="language"
        value={f.language}
        onChange={(e) => isLanguage(e.target.value) && setF({ ...f, language: e.target.value })}
        error={err("language")}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l}>
            {fmt.language(l)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t("compose.advisory.title")}
        name="title"
        lang={f.language}
        maxLength={200}
        value={f.title}
        onChange={set("title")}
        error={err("title")}
      />
      <TextArea
        label={t("compose.advisory.body")}
        hint={t("compose.advisory.bodyHint")}
        name="body"
        lang={f.language}
        rows={6}
        value={f.body}
        onChange={set("body")}
        error={err("body")}
      />
      <AdvisoryVersions original={f.language} versions={f.translations} onChange={(translations) => setF({ ...f, translations })} err={err} />
      <Choices legend={t("compose.advisory.programs")} error={err("programs")}>
        {all.map((p) => (
          <Choice key={p} type="checkbox" label={programName(p)} checked={f.programs.includes(p)} onChange={(e) => toggle(p, e.target.checked)} />
        ))}
      </Choices>
      <Choice
        type="checkbox"
        name="requiresAck"
        label={t("compose.advisory.requiresAck")}
        checked={f.requiresAck}
        onChange={(e) => setF({ ...f, requiresAck: e.target.checked })}
      />
      {f.requiresAck && (
        <DateTimeField
          kind="datetime"
          label={t("compose.advisory.ackDeadline")}
          name="ackDeadline"
          value={f.ackDeadline}
          onChange={set("ackDeadline")}
          error={err("ackDeadline")}
        />
      )}
      <SendFeedback phase={sender.phase} />
      <SubmitRow label={t("compose.advisory.publish")} busy={sender.busy} />
    </form>
  );
}
