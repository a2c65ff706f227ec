import { useTranslation } from "react-i18next";
import type { Room } from "matrix-js-sdk";
import type { TrustVerdict } from "#shared/matrix/trust.js";
import { useFormat } from "../../i18n/format.js";
import { useReference } from "../../app/reference.js";
import { trustHint, trustLabel } from "./trust-label.js";

/** Who sent it, and whether the Secretariat's credential backs that (the reason is on hover). */
export function Sender({ sender, trust, room }: { sender: string; trust: TrustVerdict; room: Room | null }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { programName } = useReference();
  const name = room?.getMember(sender)?.name ?? sender;
  const label = trustLabel(t, trust, { state: fmt.region, program: programName });
  return (
    <span className="sender">
      <span className="sender-name" translate="no">
        {name}
      </span>{" "}
      <span className={`trust trust-${trust.level}`} data-testid="trust" title={trustHint(t, trust)}>
        {trust.level === "verified" ? "✓ " : "⚠ "}
        {label}
      </span>
    </span>
  );
}
