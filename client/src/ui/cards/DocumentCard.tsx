import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Room } from "matrix-js-sdk";
import type { DocumentContent } from "#shared/content/document.js";
import { fetchDocument } from "#shared/matrix/documents.js";
import type { Item } from "../../matrix/items.js";
import { useMatrixClient } from "../../matrix/MatrixClientContext.js";
import { useFormat } from "../../i18n/format.js";
import { CardFrame } from "./CardFrame.js";
import { saveFile } from "../../library/save.js";
import { TlpBadge } from "./TlpBadge.js";

export function DocumentCard({ item, content: d, room }: { item: Item; content: DocumentContent; room: Room | null }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const session = useMatrixClient();
  const [state, setState] = useState<"idle" | "busy" | "failed">("idle");
  // Decrypted here, handed to the browser as a blob: the plaintext never touches a server.
  const download = async () => {
    if (!session) return;
    setState("busy");
    try {
      // Saved as application/octet-stream, never the sender's MIME type: a sender who labels a file
      // text/html or image/svg+xml must not get it rendered inside the app's origin.
      saveFile(await fetchDocument(session, d), d.filename);
      setState("idle");
    } catch {
      setState("failed");
    }
  };
  return (
    <CardFrame item={item} room={room} kind="document">
      <h3 className="card-title">
        <TlpBadge tlp={d.tlp} /> {d.title}
      </h3>
      <p className="card-text">{d.summary}</p>
      <dl className="facts">
        <dt>{t("cards.document.event")}</dt>
        <dd>{d.event}</dd>
        <dt>{t("cards.document.date")}</dt>
        <dd>{fmt.date(d.date)}</dd>
        <dt>{t("cards.document.topics")}</dt>
        <dd>{fmt.list(d.topics)}</dd>
        <dt>{t("cards.document.language")}</dt>
        <dd>{fmt.language(d.language)}</dd>
        <dt>{t("cards.document.file")}</dt>
        <dd>
          <span translate="no">{d.filename}</span> ({fmt.bytes(d.size)})
        </dd>
      </dl>
      <div className="actions">
        <button type="button" onClick={() => void download()} disabled={state === "busy" || !session}>
          {state === "busy" ? t("cards.document.downloading") : t("cards.document.download")}
        </button>
      </div>
      <div className="live" aria-live="assertive">
        {state === "failed" && (
          <p className="error" role="alert">
            {t("cards.document.failed")}
          </p>
        )}
      </div>
    </CardFrame>
  );
}
