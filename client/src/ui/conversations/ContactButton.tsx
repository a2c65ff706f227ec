import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api-context.js";
import { useAction } from "../../app/async.js";
import { navigate } from "../../app/router.js";
import { ErrorMessage } from "../components/ErrorMessage.js";
import { roomOnceMade } from "./room-once-made.js";

/**
 * "Contact": starts (or finds) the direct conversation with this person and opens it once the
 * reconciler has made its room; if that takes long, says where it will appear instead of waiting.
 */
export function ContactButton({ personId, name }: { personId: string; name: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const { state, run } = useAction(async () => {
    const started = await api.startConversation(personId);
    const roomId = started.roomId ?? (await roomOnceMade(() => api.conversations(), started.id));
    if (roomId) navigate({ name: "room", roomId });
    return roomId;
  });
  const busy = state.status === "loading";
  return (
    <div className="contact">
      <button type="button" onClick={() => void run()} disabled={busy} aria-label={busy ? undefined : t("conversations.contactLabel", { name })}>
        {busy ? t("conversations.opening") : t("conversations.contact")}
      </button>
      {state.status === "ready" && state.data === null && (
        <p className="muted" role="status">
          {t("conversations.slow")}
        </p>
      )}
      <ErrorMessage error={state.status === "error" ? state.error : null} />
    </div>
  );
}
