import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Tlp } from "#shared/content/tlp.js";
import { useSignedIn } from "../../app/session.js";
import { capabilitiesOf } from "../../app/roles.js";
import { useMatrixClient } from "../../matrix/MatrixClientContext.js";
import { usePrepareToEncrypt } from "../../matrix/hooks.js";
import { AlertComposer } from "./AlertComposer.js";
import { IncidentComposer } from "./IncidentComposer.js";
import { DocumentComposer } from "./DocumentComposer.js";
import { ExpertiseRequestComposer } from "./ExpertiseRequestComposer.js";
import { AdvisoryComposer } from "./AdvisoryComposer.js";
import { advisoryPrograms, cellEventOf, kindsFor, type ComposeKind } from "./kinds.js";

/**
 * Composing in a room: closed until asked for ("New alert", …), so the room's timeline comes
 * first; then the kind's form, which Close folds away again. What is offered follows the room
 * (advisories rooms: Secretariat officers only) and the TLP selector follows the room's ceiling.
 */
export function Composer({ roomId, roomKey, tlpCeiling }: { roomId: string; roomKey: string | null; tlpCeiling: Tlp | null }) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const session = useMatrixClient();
  const caps = capabilitiesOf(me);
  const kinds = kindsFor(roomKey, caps);
  const [kind, setKind] = useState<ComposeKind | null>(null);
  usePrepareToEncrypt(session, roomId, kind !== null);
  if (!session) return null;
  if (kinds.length === 0) return roomKey?.startsWith("advisories:") ? <p className="muted composer-note">{t("compose.noKinds")}</p> : null;
  const common = { session, roomId, ceiling: tlpCeiling };
  return (
    <section className="panel composer" aria-labelledby="composer-title" data-open={kind !== null}>
      <h2 id="composer-title" className={kind === null ? "sr-only" : undefined}>
        {kind === null ? t("compose.title") : t(`compose.kinds.${kind}`)}
      </h2>
      <div className="actions compose-actions">
        {kinds.map((k) => (
          <button key={k} type="button" aria-pressed={kind === k} onClick={() => setKind(k)}>
            {t(`talk.open.${k}`)}
          </button>
        ))}
        {kind !== null && (
          <button type="button" onClick={() => setKind(null)}>
            {t("talk.close")}
          </button>
        )}
      </div>
      {kind === "alert" && <AlertComposer key={roomId} {...common} myState={me.person.memberState} />}
      {kind === "incident" && <IncidentComposer key={roomId} {...common} />}
      {kind === "document" && <DocumentComposer key={roomId} {...common} />}
      {kind === "request" && <ExpertiseRequestComposer key={roomId} {...common} eventId={cellEventOf(roomKey)} />}
      {kind === "advisory" && <AdvisoryComposer key={roomId} {...common} programs={advisoryPrograms(roomKey, caps)} />}
    </section>
  );
}
