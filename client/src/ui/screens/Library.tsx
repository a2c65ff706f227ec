import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Language } from "#shared/content/fields.js";
import { useFormat } from "../../i18n/format.js";
import type { EnlaceSession } from "#shared/matrix/session.js";
import { MatrixGate } from "../../matrix/MatrixGate.js";
import { useRoomName } from "../../matrix/hooks.js";
import { useItems } from "../../library/useItems.js";
import { ofKind } from "../../library/items.js";
import { searchLibrary } from "../../library/search.js";
import { DownloadButton } from "../../library/Download.js";
import { Sender } from "../cards/Sender.js";
import { TlpBadge } from "../cards/TlpBadge.js";
import { SelectField, TextField } from "../components/Field.js";

const KINDS = ["document"] as const;

/** Lessons-learned documents across my rooms, searched on this device over their decrypted details. */
export function Library() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="library-title">
      <h1 id="library-title">{t("library.title")}</h1>
      <p className="muted">{t("library.intro")}</p>
      <MatrixGate>{(s) => <LibraryView session={s} />}</MatrixGate>
    </section>
  );
}

function LibraryView({ session }: { session: EnlaceSession }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { items, loadOlder, loadingOlder } = useItems(KINDS);
  const [text, setText] = useState("");
  const [language, setLanguage] = useState("");
  const docs = useMemo(() => ofKind(items, "document"), [items]);
  const found = useMemo(() => searchLibrary(docs, { text, language }, fmt.language), [docs, text, language, fmt]);
  const roomName = useRoomName();
  const nameOf = (roomId: string) => {
    const r = session.client.getRoom(roomId);
    return r ? roomName(r) : roomId;
  };

  return (
    <>
      <search>
        <form className="filters" onSubmit={(e) => e.preventDefault()}>
          <TextField label={t("library.search")} hint={t("library.searchHint")} type="search" name="q" value={text} onChange={(e) => setText(e.target.value)} />
          <SelectField label={t("library.language")} name="language" value={language} onChange={(e) => setLanguage(e.target.value)}>
            <option value="">{t("library.anyLanguage")}</option>
            {Language.options.map((l) => (
              <option key={l} value={l}>
                {fmt.language(l)}
              </option>
            ))}
          </SelectField>
        </form>
      </search>
      <p role="status">{docs.length === 0 ? t("library.empty") : found.length === 0 ? t("library.none") : t("library.results", { count: found.length })}</p>
      <ul className="cards library">
        {found.map((d) => (
          <li key={d.eventId} className="panel doc" data-document={d.content.filename}>
            <h2>
              <TlpBadge tlp={d.content.tlp} /> {d.content.title}
            </h2>
            <dl className="facts">
              <dt>{t("library.event")}</dt>
              <dd>{d.content.event}</dd>
              <dt>{t("library.date")}</dt>
              <dd>{fmt.date(d.content.date)}</dd>
              <dt>{t("library.topics")}</dt>
              <dd>{fmt.list(d.content.topics)}</dd>
              <dt>{t("library.language")}</dt>
              <dd>{fmt.language(d.content.language)}</dd>
              <dt>{t("library.sharedBy")}</dt>
              <dd>
                <Sender sender={d.sender} trust={d.trust} />
              </dd>
              <dt>{t("library.room")}</dt>
              <dd>{nameOf(d.roomId)}</dd>
            </dl>
            <p className="summary">{d.content.summary}</p>
            <DownloadButton session={session} file={d.content} />
          </li>
        ))}
      </ul>
      <div className="actions">
        <button type="button" onClick={() => void loadOlder()} disabled={loadingOlder}>
          {loadingOlder ? t("library.loadingOlder") : t("library.loadOlder")}
        </button>
      </div>
    </>
  );
}
