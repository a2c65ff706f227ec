import { useTranslation } from "react-i18next";
import type { Room } from "matrix-js-sdk";
import type { DecryptionFailure } from "#shared/matrix/decryption-state.js";
import type { Item } from "../../matrix/items.js";
import { CardFrame } from "./CardFrame.js";

/**
 * A message this device cannot decrypt (yet): why, in the reader's language, never "invalid
 * content" and never a verdict on the sender when the problem is the key. The SDK's code stays in
 * a technical line. The timeline reads the event again when its key arrives, replacing this card.
 */
export function DecryptionCard({ item, room, failure }: { item: Item; room: Room | null; failure: DecryptionFailure }) {
  const { t } = useTranslation();
  // The account id, not a display name: nothing vouches for a name until the message (and its verdict) can be read.
  const sender = item.sender;
  return (
    <CardFrame item={item} room={room} kind="undecrypted" showTrust={false} label={t("decryption.kind")}>
      <p className="decryption-state" role="status" data-testid="decryption-state" data-state={failure.state}>
        {t(`decryption.state.${failure.state}`, { sender })}
      </p>
      {failure.mayResolve ? <p className="muted">{t("decryption.retrying")}</p> : null}
      <details className="decryption-technical">
        <summary className="muted">{t("decryption.technical")}</summary>
        <code translate="no" data-testid="decryption-code">
          {failure.code}
        </code>
      </details>
    </CardFrame>
  );
}
