import { useTranslation } from "react-i18next";
import type { TrustVerdict } from "#shared/matrix/trust.js";
import { useFormat } from "../../i18n/format.js";
import { useReference } from "../../app/reference.js";
import { senderName, trustHint, trustLabel } from "./trust-label.js";

/**
 * Who sent it, and whether the Secretariat's credential backs that (the reason is on hover).
 * The name comes only from the verified credential ("Ana Pérez · Chile"); otherwise the Matrix
 * account id. A display name is set by its owner (or their homeserver), so it is never shown here.
 * `trust` null: no verdict at all (a message this device could not decrypt: the problem is the key).
 */
export function Sender({ sender, trust }: { sender: string; trust: TrustVerdict | null }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { programName } = useReference();
  if (!trust)
    return (
      <span className="sender">
        <span className="sender-name" translate="no" data-testid="sender-name" title={sender}>
          {sender}
        </span>
      </span>
    );
  const label = trustLabel(t, trust, { state: fmt.region, program: programName });
  return (
    <span className="sender">
      <span className="sender-name" translate="no" data-testid="sender-name" title={sender}>
        {senderName(t, trust, sender, fmt.region)}
      </span>{" "}
      <span className={`trust trust-${trust.level}`} data-testid="trust" title={trustHint(t, trust)}>
        {trust.level === "verified" ? "✓ " : "⚠ "}
        {label}
      </span>
    </span>
  );
}
