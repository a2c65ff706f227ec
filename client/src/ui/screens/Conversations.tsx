import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api-context.js";
import { useAsync } from "../../app/async.js";
import { hrefOf } from "../../app/router.js";
import { useFormat } from "../../i18n/format.js";
import { AsyncView } from "../components/bits.js";

/** One's direct conversations, each with the other person's registry name (never a display name they chose). */
export function Conversations() {
  const { t } = useTranslation();
  const api = useApi();
  const fmt = useFormat();
  const [list, reload] = useAsync(() => api.conversations(), "conversations");
  // A conversation just started may still be without its room: look again until every one has it.
  const preparing = list.status === "ready" && list.data.some((c) => c.roomId === null);
  useEffect(() => {
    if (!preparing) return;
    const timer = window.setTimeout(reload, 2000);
    return () => window.clearTimeout(timer);
  }, [preparing, reload]);
  return (
    <section aria-labelledby="conversations-title">
      <h1 id="conversations-title">{t("conversations.title")}</h1>
      <p className="muted">{t("conversations.intro")}</p>
      <AsyncView state={list} retry={reload}>
        {(items) =>
          items.length === 0 ? (
            <p>{t("conversations.none")}</p>
          ) : (
            <ul className="cards" data-testid="conversation-list">
              {items.map((c) => (
                <li key={c.id} className="panel">
                  <h2>{c.with.fullName}</h2>
                  <p className="muted">
                    {c.with.memberState ? fmt.region(c.with.memberState) : t("home.secretariat")} ·{" "}
                    {t("conversations.startedOn", { date: fmt.date(c.createdAt) })}
                  </p>
                  {!c.with.active && <p className="muted">{t("conversations.notVetted")}</p>}
                  {c.roomId ? (
                    // The visible word starts the accessible name (WCAG 2.5.3, label in name): a person
                    // using speech says "Open"; a screen reader hears with whom.
                    <a href={hrefOf({ name: "room", roomId: c.roomId })}>
                      {t("conversations.open")}
                      <span className="sr-only"> — {t("conversations.with", { name: c.with.fullName })}</span>
                    </a>
                  ) : (
                    <p role="status">{t("conversations.preparing")}</p>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </AsyncView>
    </section>
  );
}
