import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Async } from "../../app/async.js";
import type { RoleGrant, Status } from "../../api/types.js";
import { useReference } from "../../app/reference.js";
import { useFormat } from "../../i18n/format.js";
import { ErrorMessage } from "./ErrorMessage.js";

export function StatusBadge({ status }: { status: Status }) {
  const { t } = useTranslation();
  return <span className={`badge badge-${status}`}>{t(`status.${status}`)}</span>;
}

/** "Focal point · Chile · Tourism Security", one line per role. */
export function RoleList({ roles }: { roles: RoleGrant[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { programName } = useReference();
  return (
    <ul className="roles">
      {roles.map((r) => (
        <li key={`${r.role}/${r.memberState ?? ""}/${r.program ?? ""}`}>
          {[t(`roles.${r.role}`), r.memberState ? fmt.region(r.memberState) : null, r.program ? programName(r.program) : null].filter(Boolean).join(" · ")}
        </li>
      ))}
    </ul>
  );
}

/** Renders a loading/error/ready state; the error keeps a retry at hand. */
export function AsyncView<T>({ state, retry, children }: { state: Async<T>; retry?: () => void; children: (data: T) => ReactNode }) {
  const { t } = useTranslation();
  if (state.status === "ready") return <>{children(state.data)}</>;
  if (state.status === "error") {
    return (
      <div>
        <ErrorMessage error={state.error} />
        {retry && (
          <button type="button" onClick={retry}>
            {t("app.retry")}
          </button>
        )}
      </div>
    );
  }
  return (
    <p className="muted" role="status">
      {t("app.loading")}
    </p>
  );
}
