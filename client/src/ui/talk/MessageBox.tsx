import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { MAX_MESSAGE, sendText } from "#shared/matrix/messages.js";
import { useMatrixClient } from "../../matrix/MatrixClientContext.js";
import { usePrepareToEncrypt } from "../../matrix/hooks.js";
import { useSender } from "../composers/useSender.js";
import { SendFeedback } from "../composers/parts.js";

/**
 * A plain message to the room, or a reply in a thread (`thread`). Enter sends; Shift+Enter breaks
 * the line. What was typed stays when the send fails.
 */
export function MessageBox({
  roomId,
  thread,
  label,
  placeholder,
}: {
  roomId: string;
  thread?: { root: string; latest?: string };
  label: string;
  placeholder: string;
}) {
  const { t } = useTranslation();
  const session = useMatrixClient();
  const id = useId();
  const [text, setText] = useState("");
  const { phase, run, fail, busy } = useSender();
  // Sharing the room key while the person types makes the send itself quick.
  usePrepareToEncrypt(session, roomId, text.length > 0);
  if (!session) return null;
  const send = async (e?: FormEvent) => {
    e?.preventDefault();
    if (busy) return;
    if (!text.trim()) return fail(t("talk.message.empty"));
    const ok = await run(async () => {
      await sendText(session, roomId, text, thread);
      return t("talk.message.sent");
    });
    if (ok) setText("");
  };
  return (
    <form className="message-box" onSubmit={(e) => void send(e)} data-testid={thread ? "reply-box" : "message-box"}>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <textarea
        id={id}
        rows={2}
        maxLength={MAX_MESSAGE}
        value={text}
        placeholder={placeholder}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
            e.preventDefault();
            void send();
          }
        }}
      />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t("talk.message.sending") : t("talk.message.send")}
      </button>
      <SendFeedback phase={phase} />
    </form>
  );
}
