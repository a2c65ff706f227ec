// Web Push on this device: the browser's permission is asked only when the person presses the
// button (never on load), and the subscription is registered for this Matrix device.
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api-context.js";
import { toApiError, type ApiError } from "../../api/errors.js";
import { useMatrix } from "../../matrix/MatrixClientContext.js";
import { currentSubscription, pushSupport, subscribeThisDevice, unsubscribeThisDevice, type PushSupport } from "../../notify/push.js";
import { ErrorMessage, errorText } from "./ErrorMessage.js";

type View = { support: PushSupport; subscribed: boolean } | null;
// Kept as what failed, not as text, so the message follows a change of language.
type Failure = { by: "browser" } | { by: "server"; error: ApiError } | null;

export function PushDevicePanel() {
  const { t } = useTranslation();
  const api = useApi();
  const { state: m } = useMatrix();
  // Push follows the Matrix device; while it connects (after a reload, say) the panel is still loading.
  const matrix = m.status === "ready" ? m.session : null;
  const connecting = m.status === "idle" || m.status === "connecting";
  const [view, setView] = useState<View>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let live = true;
    void currentSubscription().then((s) => {
      if (live) setView({ support: pushSupport(), subscribed: s !== null });
    });
    return () => {
      live = false;
    };
  }, [tick]);

  const act = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setFailure(null);
    try {
      await work();
    } catch (e) {
      // A DOMException is the browser's push service refusing (no push service, storage blocked);
      // anything else is the control plane's answer.
      setFailure(e instanceof DOMException ? { by: "browser" } : { by: "server", error: toApiError(e) });
    } finally {
      setBusy(false);
      setTick((n) => n + 1);
    }
  };

  const shown: "loading" | "unsupported" | "denied" | "no-device" | "on" | "off" =
    !view || connecting
      ? "loading"
      : view.support === "unsupported" || view.support === "denied"
        ? view.support
        : !matrix
          ? "no-device"
          : view.subscribed
            ? "on"
            : "off";
  const status = {
    loading: t("app.loading"),
    unsupported: t("notify.push.unsupported"),
    denied: t("notify.push.denied"),
    "no-device": t("notify.push.needsMessaging"),
    on: t("notify.push.on"),
    off: t("notify.push.off"),
  }[shown];

  return (
    <section className="panel" aria-labelledby="push-title">
      <h2 id="push-title">{t("notify.push.heading")}</h2>
      <p>{t("notify.push.explain")}</p>
      <p role="status" data-push-status={shown}>
        {status}
      </p>
      {matrix && (shown === "on" || shown === "off") && (
        <p>
          {shown === "on" ? (
            <button type="button" disabled={busy} onClick={() => void act(() => unsubscribeThisDevice(api, matrix.deviceId))}>
              {t("notify.push.disable")}
            </button>
          ) : (
            <button type="button" className="primary" disabled={busy} onClick={() => void act(() => subscribeThisDevice(api, matrix.deviceId))}>
              {t("notify.push.enable")}
            </button>
          )}
        </p>
      )}
      <ErrorMessage
        text={failure && t("notify.push.failed", { reason: failure.by === "browser" ? t("notify.push.browserFailed") : errorText(t, failure.error) })}
      />
    </section>
  );
}
