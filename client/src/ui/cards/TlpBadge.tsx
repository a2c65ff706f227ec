import type { Tlp } from "#shared/content/tlp.js";

// TLP labels are a standard's names and are never translated (translate="no" also tells the
// languages test this is data, not UI text).
export function TlpBadge({ tlp, label }: { tlp: Tlp; label?: string }) {
  const cls = tlp.toLowerCase().replace("+", "-");
  return (
    <span className={`tlp tlp-${cls}`} translate="no" role="img" aria-label={label ? `${label}: TLP:${tlp}` : `TLP:${tlp}`}>
      TLP:{tlp}
    </span>
  );
}
