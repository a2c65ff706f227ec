import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { EnlaceSession } from "#shared/matrix/session.js";
import { hrefOf } from "../app/router.js";
import { useMatrix } from "./MatrixClientContext.js";
import type { TimelineStore } from "./timeline.js";

/**
 * Renders `children` once secure messaging is ready on this device; until then, says what is
 * happening or what the person must do (set up, restore), in place.
 */
export function MatrixGate({
  children,
  quietWhenUnavailable = false,
}: {
  children: (s: EnlaceSession, timeline: TimelineStore) => ReactNode;
  quietWhenUnavailable?: boolean;
}) {
  const { t } = useTranslation();
  const { state, retry } = useMatrix();
  switch (state.status) {
    case "ready":
      return <>{children(state.session, state.timeline)}</>;
    case "idle":
    case "connecting":
      return (
        <p className="muted" role="status">
          {t("matrix.connecting")}
        </p>
      );
    case "reconnecting":
      // Not an error: the device and its keys are kept, and Enlace tries again by itself.
      return (
        <div className="panel" data-testid="matrix-reconnecting">
          <p className="muted" role="status">
            {t(state.reason === "rate-limited" ? "matrix.reconnectingRateLimited" : "matrix.reconnectingOffline")}
          </p>
          <button type="button" onClick={retry}>
            {t("matrix.reconnectNow")}
          </button>
        </div>
      );
    case "needs-setup":
      return <NextStep step="setup" />;
    case "needs-restore":
      return <NextStep step="restore" replaced={state.replaced} />;
    case "error":
      if (state.reason === "no-homeserver" && quietWhenUnavailable) return null;
      return (
        <div className="panel">
          <p className={state.reason === "failed" ? "error" : "muted"} role={state.reason === "failed" ? "alert" : undefined}>
            {t(`matrix.error.${state.reason}`)}
          </p>
          {state.reason !== "no-homeserver" && state.reason !== "foreign-account" && (
            <button type="button" onClick={retry}>
              {t("app.retry")}
            </button>
          )}
        </div>
      );
  }
}

/** What the person must do before messaging works on this device: set it up, or restore it. */
function NextStep({ step, replaced = false }: { step: "setup" | "restore"; replaced?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="panel notice-panel" data-testid={`matrix-needs-${step}`}>
      <h2>{t(`matrix.${step}Title`)}</h2>
      {replaced && <p data-testid="matrix-device-replaced">{t("matrix.deviceReplaced")}</p>}
      <p>{t(`matrix.${step}Text`)}</p>
      <a className="button primary" href={hrefOf({ name: step })}>
        {t(`matrix.${step}Action`)}
      </a>
    </div>
  );
}
