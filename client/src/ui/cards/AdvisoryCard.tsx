import { Markdown } from "../markdown/Markdown.js";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Room } from "matrix-js-sdk";
import { advisoryVersions, preferredVersion, type AdvisoryContent } from "#shared/content/advisory.js";
import type { Language } from "#shared/content/fields.js";
import type { Item } from "../../matrix/items.js";
import { hrefOf } from "../../app/router.js";
import { useFormat } from "../../i18n/format.js";
import { useReference } from "../../app/reference.js";
import { CardFrame } from "./CardFrame.js";
import { TlpBadge } from "./TlpBadge.js";
import { AdvisoryLanguages } from "./AdvisoryLanguages.js";

export interface AckControls {
  /** This reader acknowledges advisories (a member state's person, not the Secretariat). */
  canAck: boolean;
  acked: boolean;
  onAck(): Promise<void>;
  /** The reader is an officer of the advisory's program: link to its coverage. */
  showCoverage: boolean;
}

export function AdvisoryCard({ item, content: a, room, ack }: { item: Item; content: AdvisoryContent; room: Room | null; ack: AckControls }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const { programName } = useReference();
  // The reader's language first (else the original), until the reader picks another version.
  const versions = advisoryVersions(a);
  const [picked, setPicked] = useState<Language | undefined>();
  const shown = versions.find((v) => picked !== undefined && v.language === picked) ?? preferredVersion(versions, i18n.language);
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
        <TlpBadge tlp={a.tlp} /> <span lang={shown.language}>{shown.title}</span>
      </h3>
      {versions.length > 1 && <AdvisoryLanguages versions={versions} shown={shown} onPick={setPicked} />}
      <div lang={shown.language}>
        <Markdown source={shown.body} className="card-text" />
      </div>
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
        <dd>{versions.length > 1 ? t("cards.advisory.signedAll", { count: versions.length }) : t("cards.advisory.signed")}</dd>
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
