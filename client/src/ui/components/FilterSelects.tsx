import type { ChangeEvent } from "react";
import { useTranslation } from "react-i18next";
import { useReference } from "../../app/reference.js";
import { useFormat } from "../../i18n/format.js";
import { SelectField } from "./Field.js";

interface FilterSelectProps {
  value: string | undefined;
  onChange: (e: ChangeEvent<HTMLSelectElement>) => void;
}

/** "Member state: any | …", the states sorted by their name in the reader's language. */
export function StateFilter({ value, onChange }: FilterSelectProps) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { memberStates } = useReference();
  const states = memberStates.status === "ready" ? memberStates.data.map((s) => s.code).sort((a, b) => fmt.region(a).localeCompare(fmt.region(b))) : [];
  return (
    <SelectField label={t("people.filterState")} value={value ?? ""} onChange={onChange}>
      <option value="">{t("people.any")}</option>
      {states.map((s) => (
        <option key={s} value={s}>
          {fmt.region(s)}
        </option>
      ))}
    </SelectField>
  );
}

/** "Program: any | …", with the programs' names in the reader's language. */
export function ProgramFilter({ value, onChange }: FilterSelectProps) {
  const { t } = useTranslation();
  const { programs, programName } = useReference();
  return (
    <SelectField label={t("people.filterProgram")} value={value ?? ""} onChange={onChange}>
      <option value="">{t("people.any")}</option>
      {programs.status === "ready" &&
        programs.data.map((p) => (
          <option key={p.code} value={p.code}>
            {programName(p.code)}
          </option>
        ))}
    </SelectField>
  );
}
