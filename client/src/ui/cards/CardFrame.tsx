import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Room } from "matrix-js-sdk";
import type { Item } from "../../matrix/items.js";
import { useFormat } from "../../i18n/format.js";
import { Sender } from "./Sender.js";

/** The frame every card shares: what kind, who sent it (with the trust verdict) and when. */
export function CardFrame({ item, room, kind, urgent, children }: { item: Item; room: Room | null; kind: string; urgent?: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  // "incident.update" → "incidentUpdate": dots separate i18n key levels.
  const label = t(`cards.kind.${kind.replace(/\.(\w)/g, (_, c: string) => c.toUpperCase())}` as never);
  return (
    <article className={`card card-${kind}${urgent ? " card-urgent" : ""}`} data-event-id={item.eventId} data-kind={kind} aria-label={label}>
      <header className="card-head">
        <span className="card-kind">{label}</span>
        <Sender sender={item.sender} trust={item.trust} room={room} />
        <time dateTime={new Date(item.ts).toISOString()} className="muted">
          {fmt.dateTime(new Date(item.ts))}
        </time>
      </header>
      {children}
    </article>
  );
}
