import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { EnlaceSession } from "../../../shared/matrix/session.js";
import { hrefOf } from "../app/router.js";
import { useMatrix } from "./MatrixClientContext.js";
import type { TimelineStore } from "./timeline.js";

/**
 * Renders `children` once secure messaging is ready on this device; until then, says what is
 * happening or what the person must do (set up, restore), in place.
 */
export function MatrixGate({ children, quietWhenUnavailable = false }: { children: (s: EnlaceSession, timeline: TimelineStore) => ReactNode; quietWhenUnavailable?: boolean }) {
  const { t } = useTranslation();
  const { state, retry } = useMatrix();
  switch (state.status) {
    case "ready": return <>{children(state.session, state.timeline)}</>;
    case "idle": case "connecting": return <p className="muted" role="status">{t("matrix.connecting")}</p>;
    case "needs-setup":
      return (
        <div className="panel notice-panel" data-testid="matrix-needs-setup">
          <h2>{t("matrix.setupTitle")}</h2>
          <p>{t("matrix.setupText")}</p>
          <a className="button primary" href={hrefOf({ name: "setup" })}>{t("matrix.setupAction")}</a>
        </div>
      );
    case "needs-restore":
      return (
        <div className="panel notice-panel" data-testid="matrix-needs-restore">
          <h2>{t("matrix.restoreTitle")}</h2>
          <p>{t("matrix.restoreText")}</p>
          <a className="button primary" href={hrefOf({ name: "restore" })}>{t("matrix.restoreAction")}</a>
        </div>
      );
    case "error":
      if (state.reason === "no-homeserver" && quietWhenUnavailable) return null;
      return (
        <div className="panel">
          <p className={state.reason === "failed" ? "error" : "muted"} role={state.reason === "failed" ? "alert" : undefined}>{t(`matrix.error.${state.reason}`)}</p>
          {state.reason !== "no-homeserver" && state.reason !== "foreign-account" && <button type="button" onClick={retry}>{t("app.retry")}</button>}
        </div>
      );
  }
}
