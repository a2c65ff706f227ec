import { useTranslation } from "react-i18next";
import type { Room } from "matrix-js-sdk";
import { admiraltyCode, type AlertContent } from "#shared/content/alert.js";
import type { Item } from "../../matrix/items.js";
import { isUrgentSeverity } from "../../matrix/counts.js";
import { useFormat } from "../../i18n/format.js";
import { CardFrame } from "./CardFrame.js";
import { TlpBadge } from "./TlpBadge.js";
import { useMatrixClient } from "../../matrix/MatrixClientContext.js";
import { DownloadButton } from "../../library/Download.js";
import { StixExportButton } from "./StixExport.js";

export function SeverityBadge({ severity }: { severity: AlertContent["severity"] }) {
  const { t } = useTranslation();
  return <span className={`severity severity-${severity}`}>{t(`content.severity.${severity}`)}</span>;
}

export function AlertCard({ item, content: a, room }: { item: Item; content: AlertContent; room: Room | null }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const session = useMatrixClient();
  return (
    <CardFrame item={item} room={room} kind="alert" urgent={isUrgentSeverity(a.severity)}>
      <h3 className="card-title">
        <SeverityBadge severity={a.severity} /> <TlpBadge tlp={a.tlp} /> {a.title}
      </h3>
      <p className="card-text">{a.summary}</p>
      <dl className="facts">
        <dt>{t("cards.alert.category")}</dt>
        <dd>{t(`content.category.${a.category}`)}</dd>
        <dt>{t("cards.alert.admiralty")}</dt>
        <dd>
          <abbr title={t("cards.alert.admiraltyHint", { reliability: a.sourceReliability, credibility: a.informationCredibility })} translate="no">
            {admiraltyCode(a)}
          </abbr>
        </dd>
        <dt>{t("cards.alert.states")}</dt>
        <dd>{fmt.list(a.affectedStates.map(fmt.region))}</dd>
        {a.location && (
          <>
            <dt>{t("cards.alert.location")}</dt>
            <dd>{a.location.text}</dd>
          </>
        )}
        <dt>{t("cards.alert.validUntil")}</dt>
        <dd>{fmt.dateTime(a.validUntil)}</dd>
        {a.attachments?.length ? (
          <>
            <dt>{t("cards.alert.attachments")}</dt>
            <dd translate="no">{fmt.list(a.attachments.map((f) => f.filename))}</dd>
          </>
        ) : null}
      </dl>
      {session && a.attachments?.map((f) => <DownloadButton key={f.file.url} session={session} file={f} />)}
      <StixExportButton source={{ ...item, kind: "alert", content: a }} />
    </CardFrame>
  );
}
