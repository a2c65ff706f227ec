import { useTranslation } from "react-i18next";
import type { Room } from "matrix-js-sdk";
import type { IncidentContent } from "#shared/content/incident.js";
import type { IncidentUpdateContent } from "#shared/content/incident-update.js";
import type { Item } from "../../matrix/items.js";
import { hrefOf } from "../../app/router.js";
import { useFormat } from "../../i18n/format.js";
import { CardFrame } from "./CardFrame.js";
import { TlpBadge } from "./TlpBadge.js";
import { StixExportButton } from "./StixExport.js";

const Status = ({ status }: { status: IncidentContent["status"] }) => {
  const { t } = useTranslation();
  return <span className={`status status-${status}`}>{t(`content.incidentStatus.${status}`)}</span>;
};

export function IncidentCard({ item, content: c, room }: { item: Item; content: IncidentContent; room: Room | null }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <CardFrame item={item} room={room} kind="incident" urgent={c.status === "ongoing"}>
      <h3 className="card-title">
        <Status status={c.status} /> <TlpBadge tlp={c.tlp} /> {c.title}
      </h3>
      <p className="card-text">{c.what}</p>
      <dl className="facts">
        <dt>{t("cards.incident.where")}</dt>
        <dd>{c.where.text}</dd>
        <dt>{t("cards.incident.when")}</dt>
        <dd>{fmt.dateTime(c.when)}</dd>
      </dl>
      <a href={hrefOf({ name: "incident", roomId: item.roomId, eventId: item.eventId })}>{t("cards.incident.thread")}</a>
      <StixExportButton source={{ ...item, kind: "incident", content: c }} />
    </CardFrame>
  );
}

export function IncidentUpdateCard({ item, content: c, room }: { item: Item; content: IncidentUpdateContent; room: Room | null }) {
  const { t } = useTranslation();
  return (
    <CardFrame item={item} room={room} kind="incident.update">
      <p className="card-title">
        <Status status={c.status} /> <TlpBadge tlp={c.tlp} />
      </p>
      <p className="card-text">{c.text}</p>
      <a href={hrefOf({ name: "incident", roomId: item.roomId, eventId: c.incidentEventId })}>{t("cards.incident.thread")}</a>
    </CardFrame>
  );
}
