import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { VENUE_TYPES } from "#shared/api/registry.js";
import { CELL_PROGRAMS, hostStatesFor, mayRegisterEvents } from "#shared/policy/events.js";
import { useApi } from "../../app/api-context.js";
import { useAction, useAsync } from "../../app/async.js";
import { useReference } from "../../app/reference.js";
import { useSignedIn } from "../../app/session.js";
import { useFormat } from "../../i18n/format.js";
import type { EventBody, MajorEvent } from "../../api/types.js";
import { AsyncView } from "../components/bits.js";
import { DateTimeField } from "../components/DateTimeField.js";
import { ErrorMessage, StatusMessage } from "../components/ErrorMessage.js";
import { SelectField, TextField } from "../components/Field.js";
import { StatePicker } from "../components/StatePicker.js";
import type { FieldErrors } from "../composers/issues.js";
import { hrefOf } from "../../app/router.js";
import { checkEvent, emptyEventForm, eventFormOf, type EventForm } from "./eventForm.js";

type Venue = (typeof VENUE_TYPES)[number];
const isVenue = (v: string): v is Venue => (VENUE_TYPES as readonly string[]).includes(v);

/**
 * The major events, each with its planning cell. Who may register or edit one is the shared rule
 * (shared/policy/events.ts): "new" is offered by it, "edit" by each event's `mayDo` from the server.
 */
export function Events() {
  const { t } = useTranslation();
  const api = useApi();
  const fmt = useFormat();
  const session = useSignedIn();
  const [events, reload] = useAsync(api.majorEvents, "events");
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const venue = (e: MajorEvent) => (isVenue(e.venueType) ? t(`venue.${e.venueType}`) : e.venueType);
  const saved = (text: string) => {
    setCreating(false);
    setEditing(null);
    setDone(text);
    reload();
  };
  return (
    <section aria-labelledby="events-title">
      <h1 id="events-title">{t("events.title")}</h1>
      <StatusMessage text={done} />
      {mayRegisterEvents(session.person.roles) &&
        (creating ? (
          <EventEditor
            title={t("events.createTitle")}
            initial={emptyEventForm()}
            submitLabel={t("events.register")}
            save={api.createMajorEvent}
            onSaved={(e) => saved(t("events.created", { name: e.name }))}
            onCancel={() => setCreating(false)}
          />
        ) : (
          <p>
            <button
              type="button"
              onClick={() => {
                setDone(null);
                setEditing(null);
                setCreating(true);
              }}
            >
              {t("events.new")}
            </button>
          </p>
        ))}
      <AsyncView state={events} retry={reload}>
        {(list) =>
          list.length === 0 ? (
            <p>{t("events.empty")}</p>
          ) : (
            <ul className="cards">
              {[...list]
                .sort((a, b) => a.startsOn.localeCompare(b.startsOn))
                .map((e) => (
                  <li key={e.id} className="panel" data-event={e.id}>
                    {editing === e.id ? (
                      <EventEditor
                        title={t("events.editTitle", { name: e.name })}
                        initial={eventFormOf(e)}
                        submitLabel={t("events.save")}
                        save={(body) => api.updateMajorEvent(e.id, body)}
                        onSaved={(after) => saved(t("events.updated", { name: after.name }))}
                        onCancel={() => setEditing(null)}
                      />
                    ) : (
                      <>
                        <h2>{e.name}</h2>
                        <dl className="facts">
                          <dt>{t("events.host")}</dt>
                          <dd>{fmt.region(e.hostState)}</dd>
                          <dt>{t("events.dates")}</dt>
                          <dd>{fmt.dateRange(e.startsOn, e.endsOn)}</dd>
                          <dt>{t("events.venue")}</dt>
                          <dd>{venue(e)}</dd>
                          <dt>{t("events.supporting")}</dt>
                          <dd>{e.supportingStates.length ? fmt.list(e.supportingStates.map(fmt.region)) : "—"}</dd>
                        </dl>
                        <p className="actions">
                          <a href={hrefOf({ name: "event-expertise", eventId: e.id })} aria-label={`${t("expertise.forEvent")}: ${e.name}`}>
                            {t("expertise.forEvent")}
                          </a>
                          {e.mayDo.includes("edit") && (
                            <button
                              type="button"
                              aria-label={t("events.editLabel", { name: e.name })}
                              onClick={() => {
                                setDone(null);
                                setCreating(false);
                                setEditing(e.id);
                              }}
                            >
                              {t("events.edit")}
                            </button>
                          )}
                        </p>
                      </>
                    )}
                  </li>
                ))}
            </ul>
          )
        }
      </AsyncView>
    </section>
  );
}

/** The form for a new event or an edit: every field the API takes, checked before it is sent. */
function EventEditor({
  title,
  initial,
  submitLabel,
  save,
  onSaved,
  onCancel,
}: {
  title: string;
  initial: EventForm;
  submitLabel: string;
  save: (body: EventBody) => Promise<MajorEvent>;
  onSaved: (e: MajorEvent) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const session = useSignedIn();
  const { memberStates, programName } = useReference();
  const [f, setF] = useState<EventForm>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const cellId = useId();
  const action = useAction(save);
  const all = memberStates.status === "ready" ? memberStates.data.map((m) => m.code) : [];
  const byName = (codes: string[]) => [...codes].sort((a, b) => fmt.region(a).localeCompare(fmt.region(b)));
  const hosts = byName(hostStatesFor(session.person.roles, all));
  const err = (k: keyof EventForm) => {
    const e = errors[k];
    return e ? t(`compose.err.${e.key}`, e.values ?? {}) : null;
  };
  const set = <K extends keyof EventForm>(k: K, v: EventForm[K]) => setF((prev) => ({ ...prev, [k]: v }));
  // The host first, then its supporters by name: who the reconciler puts in the cell (server/domain/rooms/desired.ts).
  const cellStates = f.hostState
    ? fmt.list([f.hostState, ...byName(f.supportingStates.filter((s) => s !== f.hostState))].map(fmt.region))
    : t("events.cellStatesUnset");
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const checked = checkEvent(f);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    const saved = await action.run(checked.body);
    if (saved) onSaved(saved);
  };
  const invalid = Object.keys(errors).length > 0;
  return (
    <form className="panel event-form" onSubmit={(e) => void submit(e)} noValidate aria-label={title}>
      <h2>{title}</h2>
      <TextField label={t("events.name")} name="name" value={f.name} maxLength={200} onChange={(e) => set("name", e.target.value)} error={err("name")} />
      <SelectField label={t("events.host")} name="hostState" value={f.hostState} onChange={(e) => set("hostState", e.target.value)} error={err("hostState")}>
        <option value="">{t("events.hostChoose")}</option>
        {hosts.map((c) => (
          <option key={c} value={c}>
            {fmt.region(c)}
          </option>
        ))}
      </SelectField>
      <div className="date-range">
        <DateTimeField
          kind="date"
          label={t("events.startsOn")}
          name="startsOn"
          value={f.startsOn}
          onChange={(e) => set("startsOn", e.target.value)}
          error={err("startsOn")}
        />
        <DateTimeField
          kind="date"
          label={t("events.endsOn")}
          name="endsOn"
          value={f.endsOn}
          onChange={(e) => set("endsOn", e.target.value)}
          error={err("endsOn")}
        />
      </div>
      <SelectField label={t("events.venue")} name="venueType" value={f.venueType} onChange={(e) => set("venueType", e.target.value)} error={err("venueType")}>
        <option value="">{t("events.venueChoose")}</option>
        {VENUE_TYPES.map((v) => (
          <option key={v} value={v}>
            {t(`venue.${v}`)}
          </option>
        ))}
      </SelectField>
      <StatePicker
        legend={t("events.supportingLegend")}
        codes={all.filter((c) => c !== f.hostState)}
        value={f.supportingStates.filter((s) => s !== f.hostState)}
        onChange={(next) => set("supportingStates", next)}
        error={err("supportingStates")}
      />
      <section className="cell-members" aria-labelledby={cellId}>
        <h3 id={cellId}>{t("events.cellTitle")}</h3>
        <p data-testid="cell-who">{t("events.cellWho", { programs: fmt.list(CELL_PROGRAMS.map(programName)), states: cellStates })}</p>
        <p className="muted">{t("events.cellRoom")}</p>
      </section>
      <ErrorMessage error={action.state.status === "error" ? action.state.error : null} text={invalid ? t("events.invalid") : null} />
      <div className="actions">
        <button type="submit" disabled={action.state.status === "loading"}>
          {action.state.status === "loading" ? t("events.saving") : submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          {t("events.cancel")}
        </button>
      </div>
    </form>
  );
}
