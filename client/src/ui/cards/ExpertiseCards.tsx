import { useTranslation } from "react-i18next";
import type { Room } from "matrix-js-sdk";
import type { ExpertiseRequestContent } from "#shared/content/expertise-request.js";
import type { ExpertiseOfferContent } from "#shared/content/expertise-offer.js";
import type { ExpertiseStatusContent } from "#shared/content/expertise-status.js";
import type { Item } from "../../matrix/items.js";
import { hrefOf } from "../../app/router.js";
import { useFormat } from "../../i18n/format.js";
import { CardFrame } from "./CardFrame.js";
import { TlpBadge } from "./TlpBadge.js";

export function ExpertiseRequestCard({ item, content: r, room }: { item: Item; content: ExpertiseRequestContent; room: Room | null }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <CardFrame item={item} room={room} kind="expertise.request">
      <h3 className="card-title">
        <span className="status">{t(`content.expertiseStatus.${r.status}`)}</span> <TlpBadge tlp={r.tlp} /> {r.eventName}
      </h3>
      {r.details && <p className="card-text">{r.details}</p>}
      <dl className="facts">
        <dt>{t("cards.expertise.host")}</dt>
        <dd>{fmt.region(r.hostState)}</dd>
        <dt>{t("cards.expertise.dates")}</dt>
        <dd>{fmt.dateRange(r.startDate, r.endDate)}</dd>
        <dt>{t("cards.expertise.areas")}</dt>
        <dd>{fmt.list(r.areasNeeded)}</dd>
        <dt>{t("cards.expertise.form")}</dt>
        <dd>{t(`content.expertiseForm.${r.form}`)}</dd>
        <dt>{t("cards.expertise.deadline")}</dt>
        <dd>{fmt.dateTime(r.deadline)}</dd>
      </dl>
      <a href={hrefOf({ name: "event-expertise", eventId: r.eventId })}>{t("cards.expertise.open")}</a>
    </CardFrame>
  );
}

export function ExpertiseOfferCard({ item, content: o, room }: { item: Item; content: ExpertiseOfferContent; room: Room | null }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <CardFrame item={item} room={room} kind="expertise.offer">
      <p className="card-title">
        <TlpBadge tlp={o.tlp} /> {fmt.list(o.areas)}
      </p>
      <dl className="facts">
        <dt>{t("cards.expertise.form")}</dt>
        <dd>{t(`content.expertiseForm.${o.form}`)}</dd>
        <dt>{t("cards.expertise.availability")}</dt>
        <dd>{o.availability}</dd>
      </dl>
      {o.note && <p className="card-text">{o.note}</p>}
    </CardFrame>
  );
}

export function ExpertiseStatusCard({ item, content: s, room }: { item: Item; content: ExpertiseStatusContent; room: Room | null }) {
  const { t } = useTranslation();
  return (
    <CardFrame item={item} room={room} kind="expertise.status">
      <p className="card-title">
        <span className="status">{t(`content.expertiseStatus.${s.status}`)}</span> <TlpBadge tlp={s.tlp} />
      </p>
      {s.note && <p className="card-text">{s.note}</p>}
    </CardFrame>
  );
}
