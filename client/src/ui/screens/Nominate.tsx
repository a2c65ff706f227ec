import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api-context.js";
import { useAction, useAsync } from "../../app/async.js";
import { useSignedIn } from "../../app/session.js";
import { capabilitiesOf, type Capabilities } from "../../app/roles.js";
import { useReference } from "../../app/reference.js";
import { useFormat } from "../../i18n/format.js";
import type { Person } from "../../api/types.js";
import { AsyncView } from "../components/bits.js";
import { ErrorMessage, StatusMessage } from "../components/ErrorMessage.js";
import { Choice, Choices, SelectField, TextArea, TextField } from "../components/Field.js";
import { CheckedForm } from "../components/CheckedForm.js";
import { PeopleTable } from "../components/PeopleTable.js";
import { PersonActions } from "../components/PersonActions.js";

/** Nominate a focal point or alternate; a coordinator also sees their state's roster. */
export function Nominate() {
  const { t } = useTranslation();
  const caps = capabilitiesOf(useSignedIn());
  const [changed, setChanged] = useState(0);
  return (
    <>
      <NominationForm caps={caps} onNominated={() => setChanged((n) => n + 1)} />
      {caps.coordinatorStates.map((state) => (
        <Roster key={state} state={state} version={changed} />
      ))}
      {caps.coordinatorStates.length === 0 && <p className="muted">{t("nominate.intro")}</p>}
    </>
  );
}

function NominationForm({ caps, onNominated }: { caps: Capabilities; onNominated: (p: Person) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const fmt = useFormat();
  const { programs, memberStates, programName } = useReference();
  const fixedState = !caps.isSecretariat && caps.coordinatorStates.length === 1 ? caps.coordinatorStates[0] : null;
  const [fullName, setFullName] = useState("");
  const [email, setEmail] = useState("");
  const [state, setState] = useState(fixedState ?? "");
  const [role, setRole] = useState<"focal_point" | "alternate">("focal_point");
  const [chosen, setChosen] = useState<string[]>([]);
  const [reason, setReason] = useState("");
  const [missingProgram, setMissingProgram] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const nominate = useAction(api.nominate);

  // Officers nominate only for their programs; coordinators and administrators for any.
  const offeredPrograms =
    programs.status === "ready"
      ? programs.data.map((p) => p.code).filter((c) => caps.isAdmin || caps.coordinatorStates.length > 0 || caps.officerPrograms.includes(c))
      : [];
  const offeredStates = caps.isSecretariat ? (memberStates.status === "ready" ? memberStates.data.map((s) => s.code) : []) : caps.coordinatorStates;
  const sortedStates = [...offeredStates].sort((a, b) => fmt.region(a).localeCompare(fmt.region(b)));

  return (
    <section className="panel" aria-labelledby="nominate-title">
      <h1 id="nominate-title">{t("nominate.title")}</h1>
      <p className="muted">{t("nominate.intro")}</p>
      <CheckedForm
        onSubmit={async (e) => {
          e.preventDefault();
          setDone(null);
          if (chosen.length === 0) return setMissingProgram(true);
          setMissingProgram(false);
          const outcome = await nominate.run({
            fullName: fullName.trim(),
            email: email.trim(),
            memberState: state,
            roles: chosen.map((program) => ({ role, memberState: state, program })),
            ...(reason.trim() ? { reason: reason.trim() } : {}),
          });
          if (!outcome) return;
          // The address is already in the registry where this nominator may not look: nothing was
          // created, and the answer names no one; the Secretariat follows it up.
          if ("referred" in outcome) setDone(t("nominate.referred", { email: email.trim() }));
          else setDone(t("nominate.done", { name: outcome.fullName }));
          setFullName("");
          setEmail("");
          setChosen([]);
          setReason("");
          if (!("referred" in outcome)) onNominated(outcome);
        }}
      >
        <TextField label={t("nominate.fullName")} required maxLength={200} autoComplete="off" value={fullName} onChange={(e) => setFullName(e.target.value)} />
        <TextField
          label={t("nominate.email")}
          type="email"
          required
          maxLength={254}
          autoComplete="off"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        {fixedState ? (
          <TextField label={t("nominate.memberState")} readOnly value={fmt.region(fixedState)} />
        ) : (
          <SelectField label={t("nominate.memberState")} required value={state} onChange={(e) => setState(e.target.value)}>
            <option value="">{t("nominate.chooseState")}</option>
            {sortedStates.map((s) => (
              <option key={s} value={s}>
                {fmt.region(s)}
              </option>
            ))}
          </SelectField>
        )}
        <Choices legend={t("nominate.role")}>
          {(["focal_point", "alternate"] as const).map((r) => (
            <Choice key={r} type="radio" name="role" value={r} label={t(`roles.${r}`)} checked={role === r} onChange={() => setRole(r)} />
          ))}
        </Choices>
        <Choices legend={t("nominate.programs")} hint={t("nominate.programsHint")} error={missingProgram ? t("nominate.noProgram") : null}>
          {offeredPrograms.map((code) => (
            <Choice
              key={code}
              type="checkbox"
              name="program"
              value={code}
              label={programName(code)}
              checked={chosen.includes(code)}
              onChange={(e) => setChosen(e.target.checked ? [...chosen, code] : chosen.filter((c) => c !== code))}
            />
          ))}
        </Choices>
        <TextArea label={t("nominate.reason")} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
        <ErrorMessage error={nominate.state.status === "error" ? nominate.state.error : null} />
        <StatusMessage text={done} />
        <button type="submit" className="primary" disabled={nominate.state.status === "loading"}>
          {nominate.state.status === "loading" ? t("nominate.submitting") : t("nominate.submit")}
        </button>
      </CheckedForm>
    </section>
  );
}

function Roster({ state, version }: { state: string; version: number }) {
  const { t } = useTranslation();
  const api = useApi();
  const fmt = useFormat();
  const [people, reload] = useAsync(() => api.people({ memberState: state, limit: 500 }), `${state}:${version}`);
  return (
    <section className="panel" aria-labelledby={`roster-${state}`}>
      <h2 id={`roster-${state}`}>{t("roster.title", { state: fmt.region(state) })}</h2>
      <AsyncView state={people} retry={reload}>
        {(list) =>
          list.length === 0 ? (
            <p>{t("roster.empty")}</p>
          ) : (
            <PeopleTable
              people={list}
              caption={t("people.count", { count: list.length })}
              actions={(p) => <PersonActions person={p} allowed={["suspend"]} onChanged={reload} />}
            />
          )
        }
      </AsyncView>
    </section>
  );
}
