import { useTranslation } from "react-i18next";
import { withheldByReason } from "#shared/matrix/delivery.js";
import { useDelivery } from "../../matrix/delivery-store.js";
import { useFormat } from "../../i18n/format.js";

const REASON_KEY = { "not-cross-signed": "notCrossSigned", "no-device": "noDevice" } as const;

/**
 * On the sender's own alert or advisory: to how many people and devices the room key went, and
 * what was withheld and why ("Key sent to 12 people (23 devices) · 2 withheld: not cross-signed").
 * Nothing for messages this page did not send (see delivery-store.ts).
 */
export function DeliveryLine({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const r = useDelivery(eventId);
  if (!r) return null;
  const byReason = withheldByReason(r);
  const reasons = (Object.keys(byReason) as Array<keyof typeof REASON_KEY>).map((k) => t(`delivery.reasons.${REASON_KEY[k]}`));
  const parts = [t("delivery.sent", { people: t("delivery.people", { count: r.people }), devices: t("delivery.devices", { count: r.devices }) })];
  if (r.away.length) parts.push(t("delivery.away", { count: r.away.length }));
  if (r.withheld.length) parts.push(t("delivery.withheld", { count: r.withheld.length, reasons: fmt.list(reasons) }));
  if (r.unreached.length) parts.push(t("delivery.unreached", { count: r.unreached.length }));
  return (
    <p className={`delivery muted${r.unreached.length ? " delivery-short" : ""}`} data-testid="delivery" title={t("delivery.help")} role="status">
      {parts.join(" · ")}
    </p>
  );
}
