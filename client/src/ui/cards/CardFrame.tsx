import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Room } from "matrix-js-sdk";
import type { Item } from "../../matrix/items.js";
import { useFormat } from "../../i18n/format.js";
import { Sender } from "./Sender.js";
import { DeliveryLine } from "./DeliveryLine.js";

/**
 * The frame every card shares: what kind, who sent it (with the trust verdict) and when.
 * `room` is unused since the sender's name comes from the credential, not the room's member list;
 * it stays in the props for now so that the card components (edited on other branches) keep their shape.
 */
export function CardFrame({
  item,
  room: _room,
  kind,
  urgent,
  showTrust = true,
  label: given,
  children,
}: {
  item: Item;
  room: Room | null;
  kind: string;
  urgent?: boolean;
  showTrust?: boolean;
  label?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  // "incident.update" → "incidentUpdate": dots separate i18n key levels.
  const label = given ?? t(`cards.kind.${kind.replace(/\.(\w)/g, (_, c: string) => c.toUpperCase())}` as never);
  return (
    <article className={`card card-${kind}${urgent ? " card-urgent" : ""}`} data-event-id={item.eventId} data-kind={kind} aria-label={label}>
      <header className="card-head">
        <span className="card-kind">{label}</span>
        {/* No verdict on the sender of a message nobody could decrypt here: its problem is the key. */}
        <Sender sender={item.sender} trust={showTrust ? item.trust : null} />
        <time dateTime={new Date(item.ts).toISOString()} className="muted">
          {fmt.dateTime(new Date(item.ts))}
        </time>
      </header>
      {children}
      {(kind === "alert" || kind === "advisory") && <DeliveryLine eventId={item.eventId} />}
    </article>
  );
}
