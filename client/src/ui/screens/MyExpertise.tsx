import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api-context.js";
import { useAction, useAsync } from "../../app/async.js";
import { useSignedIn } from "../../app/session.js";
import { useFormat } from "../../i18n/format.js";
import type { Expertise } from "../../api/types.js";
import { ErrorMessage, StatusMessage } from "../components/ErrorMessage.js";
import { Choice, Choices, TextField } from "../components/Field.js";

// The languages ExpertiseInput accepts (shared/api/people.ts): the OAS languages plus Dutch, Haitian Creole, Guarani.
export const EXPERTISE_LANGUAGES = ["en", "es", "pt", "fr", "nl", "ht", "gn"] as const;
type ExpertiseLanguage = Expertise["languages"][number];

export function MyExpertise({ onSaved }: { onSaved: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const fmt = useFormat();
  const me = useSignedIn().person;
  // There is no GET for one's own expertise: the directory entry (active people only) carries it.
  const [current] = useAsync(async () => (await api.directory({ q: me.fullName, limit: 100 })).find((e) => e.id === me.id) ?? null, me.id);
  const [areas, setAreas] = useState("");
  const [languages, setLanguages] = useState<ExpertiseLanguage[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const save = useAction(api.setMyExpertise);
  useEffect(() => {
    if (current.status !== "ready" || !current.data) return;
    setAreas(current.data.areas.join(", "));
    setLanguages(current.data.languages.filter((l): l is ExpertiseLanguage => (EXPERTISE_LANGUAGES as readonly string[]).includes(l)));
  }, [current]);
  return (
    <section className="panel" aria-labelledby="mine-title">
      <h2 id="mine-title">{t("directory.mine")}</h2>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          setSaved(null);
          const list = [
            ...new Set(
              areas
                .split(",")
                .map((a) => a.trim())
                .filter(Boolean),
            ),
          ];
          const r = await save.run({ areas: list, languages });
          if (r) {
            setAreas(r.areas.join(", "));
            setSaved(t("directory.saved"));
            onSaved();
          }
        }}
      >
        <TextField label={t("directory.myAreas")} hint={t("directory.myAreasHint")} value={areas} onChange={(e) => setAreas(e.target.value)} />
        <Choices legend={t("directory.myLanguages")}>
          {EXPERTISE_LANGUAGES.map((l) => (
            <Choice
              key={l}
              type="checkbox"
              label={fmt.language(l)}
              checked={languages.includes(l)}
              onChange={(e) => setLanguages(e.target.checked ? [...languages, l] : languages.filter((x) => x !== l))}
            />
          ))}
        </Choices>
        <ErrorMessage error={save.state.status === "error" ? save.state.error : null} />
        <StatusMessage text={saved} />
        <button type="submit" className="primary" disabled={save.state.status === "loading"}>
          {save.state.status === "loading" ? t("directory.saving") : t("directory.save")}
        </button>
      </form>
    </section>
  );
}
