import { useTranslation } from "react-i18next";
import type { EnlaceSession } from "#shared/matrix/session.js";
import { sendContent } from "#shared/matrix/send.js";
import { ExpertiseForm } from "#shared/content/expertise-request.js";
import type { Tlp } from "#shared/content/tlp.js";
import { useApi } from "../../app/api-context.js";
import { useAsync } from "../../app/async.js";
import { useFormat } from "../../i18n/format.js";
import { SelectField, TextArea, TextField } from "../components/Field.js";
import { DateTimeField } from "../components/DateTimeField.js";
import { emptyRequest, expertiseRequestContent } from "./forms.js";
import { SendFeedback, SubmitRow, TlpSelect } from "./parts.js";
import { useComposerForm } from "./useComposerForm.js";

/** Asks peers for expertise before a major event of the registry (its facts come from the registry). */
export function ExpertiseRequestComposer({
  session,
  roomId,
  ceiling,
  eventId,
}: {
  session: EnlaceSession;
  roomId: string;
  ceiling: Tlp | null;
  eventId?: string | null;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const api = useApi();
  const [events] = useAsync(api.majorEvents, "events");
  const { f, setF, set, err, form, sender, submit } = useComposerForm(() => emptyRequest(ceiling, eventId ?? ""));
  const today = new Date().toISOString().slice(0, 10);
  const registry =
    events.status === "ready" ? events.data.filter((e) => e.endsOn >= today || e.id === f.eventId).sort((a, b) => a.startsOn.localeCompare(b.startsOn)) : [];
  const chosen = registry.find((e) => e.id === f.eventId);

  const onSubmit = submit(
    (x) => expertiseRequestContent(x, registry, ceiling),
    async (content) => {
      await sendContent(session, roomId, "expertise.request", content);
      return t("compose.sent");
    },
  );

  return (
    <form ref={form} className="composer-form" onSubmit={onSubmit} noValidate aria-label={t("compose.kinds.request")}>
      <SelectField label={t("compose.request.event")} name="eventId" value={f.eventId} onChange={set("eventId")} error={err("eventId")} disabled={!!eventId}>
        <option value="">{events.status === "ready" && registry.length === 0 ? t("compose.request.noEvents") : t("compose.request.chooseEvent")}</option>
        {registry.map((ev) => (
          <option key={ev.id} value={ev.id}>
            {ev.name}
          </option>
        ))}
      </SelectField>
      {chosen && (
        <p className="muted">
          {fmt.region(chosen.hostState)} · {fmt.dateRange(chosen.startsOn, chosen.endsOn)}
        </p>
      )}
      <TlpSelect value={f.tlp} onChange={(tlp) => setF({ ...f, tlp })} ceiling={ceiling} error={err("tlp")} />
      <TextField
        label={t("compose.request.areas")}
        hint={t("compose.request.areasHint")}
        name="areasNeeded"
        value={f.areasNeeded}
        onChange={set("areasNeeded")}
        error={err("areasNeeded")}
      />
      <div className="field-row">
        <SelectField label={t("compose.request.form")} name="form" value={f.form} onChange={set("form")} error={err("form")}>
          {ExpertiseForm.options.map((x) => (
            <option key={x} value={x}>
              {t(`content.expertiseForm.${x}`)}
            </option>
          ))}
        </SelectField>
        <DateTimeField
          kind="datetime"
          label={t("compose.request.deadline")}
          name="deadline"
          value={f.deadline}
          onChange={set("deadline")}
          error={err("deadline")}
        />
      </div>
      <TextArea label={t("compose.request.details")} name="details" rows={3} value={f.details} onChange={set("details")} error={err("details")} />
      <SendFeedback phase={sender.phase} />
      <SubmitRow label={t("compose.request.send")} busy={sender.busy} />
    </form>
  );
}
