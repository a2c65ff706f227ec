import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Room } from "matrix-js-sdk";
import type { AdvisoryContent } from "#shared/content/advisory.js";
import type { Item } from "../../matrix/items.js";
import { hrefOf } from "../../app/router.js";
import { useFormat } from "../../i18n/format.js";
import { useReference } from "../../app/reference.js";
import { CardFrame } from "./CardFrame.js";
import { TlpBadge } from "./TlpBadge.js";

export interface AckControls {
  /** This reader acknowledges advisories (a member state's person, not the Secretariat). */
  canAck: boolean;
  acked: boolean;
  onAck(): Promise<void>;
  /** The reader is an officer of the advisory's program: link to its coverage. */
  showCoverage: boolean;
}

export function AdvisoryCard({ item, content: a, room, ack }: { item: Item; content: AdvisoryContent; room: Room | null; ack: AckControls }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { programName } = useReference();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const overdue = a.ackDeadline !== undefined && Date.parse(a.ackDeadline) < Date.now();
  // Valid means countersigned by the Secretariat (checked on reading), whatever the device's trust.
  const awaiting = a.requiresAck && ack.canAck && !ack.acked;
  const acknowledge = async () => {
    setBusy(true);
    setFailed(false);
    try {
      await ack.onAck();
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <CardFrame item={item} room={room} kind="advisory" urgent={awaiting}>
      <h3 className="card-title">
        <span className="advisory-number">{t("cards.advisory.number", { program: programName(a.programCode), number: a.number })}</span>{" "}
        <TlpBadge tlp={a.tlp} /> {a.title}
      </h3>
      <p className="card-text">{a.body}</p>
      <dl className="facts">
        <dt>{t("cards.advisory.issued")}</dt>
        <dd>{fmt.dateTime(a.issuedAt)}</dd>
        <dt>{t("cards.advisory.programs")}</dt>
        <dd>{fmt.list(a.programs.map(programName))}</dd>
        {a.requiresAck && a.ackDeadline && (
          <>
            <dt>{t("cards.advisory.deadline")}</dt>
            <dd className={overdue ? "overdue" : undefined}>
              {fmt.dateTime(a.ackDeadline)}
              {overdue ? ` — ${t("cards.advisory.overdue")}` : ""}
            </dd>
          </>
        )}
        <dt>{t("cards.advisory.signature")}</dt>
        <dd>{t("cards.advisory.signed")}</dd>
      </dl>
      <div className="actions">
        {a.requiresAck &&
          ack.canAck &&
          (ack.acked ? (
            <span className="acked" role="status">
              {t("cards.advisory.acknowledged")}
            </span>
          ) : (
            <button type="button" className="primary" disabled={busy} onClick={() => void acknowledge()}>
              {busy ? t("cards.advisory.acknowledging") : t("cards.advisory.acknowledge")}
            </button>
          ))}
        {ack.showCoverage && a.requiresAck && (
          <a href={hrefOf({ name: "coverage", roomId: item.roomId, eventId: item.eventId })}>{t("cards.advisory.coverage")}</a>
        )}
      </div>
      <div className="live" aria-live="assertive">
        {failed && (
          <p className="error" role="alert">
            {t("cards.advisory.ackFailed")}
          </p>
        )}
      </div>
    </CardFrame>
  );
}
