import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Item } from "../../matrix/items.js";
import { useFormat } from "../../i18n/format.js";
import { Sender } from "../cards/Sender.js";
import { Markdown } from "../markdown/Markdown.js";
import { MessageBox } from "./MessageBox.js";
import { replyCount, type ThreadItems } from "./threads.js";

/**
 * The discussion under an alert or incident: its reply count, and once opened the replies in
 * order and a reply box. Replies are Matrix thread events, so Element shows the same thread.
 * The count is what this device holds, or the homeserver's if it knows of more (older replies).
 */
export function Thread({ root, thread, title }: { root: Item; thread: ThreadItems; title: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [open, setOpen] = useState(false);
  const id = useId();
  const { replies } = thread;
  const count = replyCount(root, thread);
  return (
    <div className="thread" data-thread-root={root.eventId}>
      <button type="button" className="thread-toggle" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        {open ? t("talk.thread.hide") : count > 0 ? t("talk.thread.replies", { count }) : t("talk.thread.reply")}
      </button>
      {open && (
        <section id={id} className="thread-body" aria-label={t("talk.thread.title", { title })}>
          {replies.length === 0 ? (
            <p className="muted">{t("talk.thread.none")}</p>
          ) : (
            <ol className="thread-replies">
              {replies.map((r) => (
                <li key={r.eventId} className="reply" data-event-id={r.eventId}>
                  <div className="reply-head">
                    <Sender sender={r.sender} trust={r.trust} />{" "}
                    <time dateTime={new Date(r.ts).toISOString()} className="muted">
                      {fmt.dateTime(new Date(r.ts))}
                    </time>
                  </div>
                  <Markdown source={r.text ?? ""} className="reply-text" />
                </li>
              ))}
            </ol>
          )}
          <MessageBox
            roomId={root.roomId}
            thread={{ root: root.eventId, latest: replies.at(-1)?.eventId }}
            label={t("talk.thread.replyLabel")}
            placeholder={t("talk.thread.replyPlaceholder")}
          />
        </section>
      )}
    </div>
  );
}
