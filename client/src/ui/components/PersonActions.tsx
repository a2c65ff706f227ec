import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api-context.js";
import type { Decision, EnrollmentLink, ListedPerson, Person } from "../../api/types.js";
import { ReasonForm } from "./ReasonForm.js";
import { useAction } from "../../app/async.js";
import { ErrorMessage } from "./ErrorMessage.js";

export type PersonAction = ListedPerson["mayDo"][number];

export function PersonActions({
  person,
  allowed,
  onChanged,
  onLink,
}: {
  person: ListedPerson;
  allowed?: PersonAction[];
  onChanged: (p: Person) => void;
  onLink?: (link: EnrollmentLink, p: Person) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [open, setOpen] = useState<Decision | null>(null);
  const reissue = useAction(() => api.reissueEnrollmentLink(person.id));
  // Only what the server's policy grants this viewer for this person now (status, role, four eyes):
  // nothing is offered that would be refused after a reason is typed.
  const actions = person.mayDo.filter((a) => !allowed || allowed.includes(a));
  if (actions.length === 0) return null;
  return (
    <div>
      <div className="actions">
        {actions.map((a) =>
          a === "newLink" ? (
            <button
              key={a}
              type="button"
              disabled={reissue.state.status === "loading"}
              onClick={async () => {
                const link = await reissue.run();
                if (link) onLink?.(link, person);
              }}
            >
              {t("decide.newLink")}
            </button>
          ) : (
            <button
              key={a}
              type="button"
              className={a === "revoke" ? "danger" : undefined}
              aria-expanded={open === a}
              onClick={() => setOpen(open === a ? null : a)}
            >
              {t(`decide.${a}`)}
            </button>
          ),
        )}
      </div>
      <ErrorMessage error={reissue.state.status === "error" ? reissue.state.error : null} />
      {open && (
        <ReasonForm
          key={open}
          action={t(`decide.${open}`)}
          submit={(reason) => api.decide(person.id, open, reason)}
          onCancel={() => setOpen(null)}
          onDone={(p) => {
            setOpen(null);
            onChanged(p);
          }}
        />
      )}
    </div>
  );
}
