import { useTranslation } from "react-i18next";
import type { Room } from "matrix-js-sdk";
import type { Item } from "../../matrix/items.js";
import { CardFrame } from "./CardFrame.js";
import { Markdown } from "../markdown/Markdown.js";
import { AlertCard } from "./AlertCard.js";
import { IncidentCard, IncidentUpdateCard } from "./IncidentCard.js";
import { AdvisoryCard, type AckControls } from "./AdvisoryCard.js";
import { DocumentCard } from "./DocumentCard.js";
import { DecryptionCard } from "./DecryptionCard.js";
import { ExpertiseOfferCard, ExpertiseRequestCard, ExpertiseStatusCard } from "./ExpertiseCards.js";

/** One timeline event as a card for its content kind. Invalid content is shown, never rendered from. */
export function EventCard({ item, room, ack }: { item: Item; room: Room | null; ack: AckControls }) {
  const { t } = useTranslation();
  const c = item.content;
  // In the clear although every Enlace room is encrypted: whoever the homeserver says sent it, nothing
  // vouches for that, so nothing of it is rendered as content (a plain text message keeps its text).
  if (item.trust.level === "unencrypted" && !(c.status === "valid" && c.kind === "ack")) {
    return (
      <CardFrame item={item} room={room} kind="unencrypted">
        <p className="unencrypted-warning" role="note" data-testid="unencrypted">
          ⚠ {t("cards.unencrypted")}
        </p>
        {c.status === "ignored" && item.text ? <p className="card-text">{item.text}</p> : null}
      </CardFrame>
    );
  }
  // A key problem, not bad content: say which, in the reader's language (never "invalid content").
  if (item.decryption) return <DecryptionCard item={item} room={room} failure={item.decryption} />;
  if (c.status === "invalid") {
    return (
      <CardFrame item={item} room={room} kind="invalid">
        <p className="invalid-reason" data-testid="invalid">
          {t("cards.invalid", { reason: c.reason })}
        </p>
      </CardFrame>
    );
  }
  if (c.status === "ignored") {
    return (
      <CardFrame item={item} room={room} kind="message">
        <Markdown source={item.text ?? ""} className="card-text" />
      </CardFrame>
    );
  }
  switch (c.kind) {
    case "alert":
      return <AlertCard item={item} content={c.content} room={room} />;
    case "incident":
      return <IncidentCard item={item} content={c.content} room={room} />;
    case "incident.update":
      return <IncidentUpdateCard item={item} content={c.content} room={room} />;
    case "advisory":
      return <AdvisoryCard item={item} content={c.content} room={room} ack={ack} />;
    case "document":
      return <DocumentCard item={item} content={c.content} room={room} />;
    case "expertise.request":
      return <ExpertiseRequestCard item={item} content={c.content} room={room} />;
    case "expertise.offer":
      return <ExpertiseOfferCard item={item} content={c.content} room={room} />;
    case "expertise.status":
      return <ExpertiseStatusCard item={item} content={c.content} room={room} />;
    // Acknowledgements and room state are bookkeeping: counted (coverage), not shown as messages.
    default:
      return null;
  }
}
