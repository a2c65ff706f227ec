// The person's notification settings: this device's Web Push, the channels, quiet hours and
// language kept by the control plane, and the urgent chime kept on this device.
import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api-context.js";
import { useAction, useAsync } from "../../app/async.js";
import { useSignedIn } from "../../app/session.js";
import type { NotificationPrefs } from "../../api/types.js";
import { LANGUAGES, LANGUAGE_NAMES } from "../../i18n/index.js";
import { useUrgentSound } from "../../notify/sound-pref.js";
import { playUrgentTone } from "../../notify/tone.js";
import { AsyncView } from "../components/bits.js";
import { ErrorMessage, StatusMessage } from "../components/ErrorMessage.js";
import { Choice, Choices, SelectField } from "../components/Field.js";
import { DateTimeField } from "../components/DateTimeField.js";
import { PushDevicePanel } from "../components/PushDevicePanel.js";

// The browser's zone: quiet hours are meant in the person's local time wherever they are.
const localZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

export function Notifications() {
  const { t } = useTranslation();
  const api = useApi();
  const me = useSignedIn().person;
  const [prefs, reload] = useAsync(api.notificationPreferences, me.id);
  return (
    <section className="notifications" aria-labelledby="notify-title">
      <h1 id="notify-title">{t("notify.title")}</h1>
      <p>{t("notify.intro")}</p>
      <PushDevicePanel />
      <div className="notify-prefs">
        <AsyncView state={prefs} retry={reload}>
          {(p) => <PreferencesForm initial={p} />}
        </AsyncView>
      </div>
      <SoundPanel personId={me.id} />
    </section>
  );
}

function PreferencesForm({ initial }: { initial: NotificationPrefs }) {
  const { t } = useTranslation();
  const api = useApi();
  const [f, setF] = useState(initial);
  // Kept while quiet hours are switched off, so switching them back on restores the times.
  const [quiet, setQuiet] = useState(initial.quietHours ?? { start: "22:00", end: "07:00", timeZone: localZone() });
  const [saved, setSaved] = useState<string | null>(null);
  const save = useAction(api.setNotificationPreferences);
  const quietNote = useId();
  useEffect(() => setF(initial), [initial]);

  return (
    <form
      className="panel"
      aria-label={t("notify.title")}
      onSubmit={async (e) => {
        e.preventDefault();
        setSaved(null);
        const r = await save.run({ ...f, quietHours: f.quietHours ? { ...quiet, timeZone: localZone() } : null });
        if (r) {
          setF(r);
          setSaved(t("notify.saved"));
        }
      }}
    >
      <Choices legend={t("notify.channels.legend")}>
        <Choice
          type="checkbox"
          name="push"
          label={t("notify.channels.push")}
          checked={f.channels.push}
          onChange={(e) => setF({ ...f, channels: { ...f.channels, push: e.target.checked } })}
        />
        <Choice
          type="checkbox"
          name="email"
          label={t("notify.channels.email")}
          checked={f.channels.email}
          onChange={(e) => setF({ ...f, channels: { ...f.channels, email: e.target.checked } })}
        />
      </Choices>
      <fieldset className="choices quiet-hours" aria-describedby={quietNote}>
        <legend>{t("notify.quiet.legend")}</legend>
        <Choice
          type="checkbox"
          name="quiet"
          label={t("notify.quiet.enable")}
          checked={f.quietHours !== null}
          onChange={(e) => setF({ ...f, quietHours: e.target.checked ? quiet : null })}
        />
        {f.quietHours && (
          <div className="field-row">
            <DateTimeField
              kind="time"
              name="quietStart"
              label={t("notify.quiet.start")}
              value={quiet.start}
              onChange={(e) => setQuiet({ ...quiet, start: e.target.value })}
            />
            <DateTimeField
              kind="time"
              name="quietEnd"
              label={t("notify.quiet.end")}
              value={quiet.end}
              onChange={(e) => setQuiet({ ...quiet, end: e.target.value })}
            />
          </div>
        )}
        {f.quietHours && <p className="muted">{t("notify.quiet.timeZone", { zone: localZone() })}</p>}
        <p className="hint" id={quietNote}>
          {t("notify.quiet.override")}
        </p>
      </fieldset>
      <SelectField
        label={t("notify.language")}
        name="notifyLanguage"
        value={f.language}
        onChange={(e) => setF({ ...f, language: e.target.value as NotificationPrefs["language"] })}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </SelectField>
      <p>
        <button type="submit" className="primary" disabled={save.state.status === "loading"}>
          {save.state.status === "loading" ? t("notify.saving") : t("notify.save")}
        </button>
      </p>
      <ErrorMessage error={save.state.status === "error" ? save.state.error : null} />
      <StatusMessage text={saved} />
    </form>
  );
}

function SoundPanel({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const [on, setOn] = useUrgentSound(personId);
  return (
    <section className="panel" aria-labelledby="sound-title">
      <h2 id="sound-title">{t("notify.sound.legend")}</h2>
      <Choice type="checkbox" name="sound" label={t("notify.sound.enable")} checked={on} onChange={(e) => setOn(e.target.checked)} />
      <p className="muted">{t("notify.sound.note")}</p>
      <button type="button" onClick={() => void playUrgentTone()}>
        {t("notify.sound.test")}
      </button>
    </section>
  );
}
