import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Person } from "../../api/types.js";
import { useFormat } from "../../i18n/format.js";
import { RoleList, StatusBadge } from "./bits.js";

/** People as a table on wide screens; each row becomes a labelled card on a phone (see styles.css). */
export function PeopleTable<P extends Person>({
  people,
  caption,
  actions,
  extra,
}: {
  people: P[];
  caption: string;
  actions?: (p: P) => ReactNode;
  extra?: { label: string; cell: (p: P) => ReactNode };
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <table className="people">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("people.name")}</th>
          <th scope="col">{t("people.memberState")}</th>
          <th scope="col">{t("people.roles")}</th>
          <th scope="col">{t("people.status")}</th>
          <th scope="col">{extra ? extra.label : t("people.vettedUntil")}</th>
          {actions && <th scope="col">{t("people.actions")}</th>}
        </tr>
      </thead>
      <tbody>
        {people.map((p) => (
          <tr key={p.id} data-person={p.email}>
            <th scope="row" data-label={t("people.name")}>
              <span className="name">{p.fullName}</span>
              <span className="muted email">{p.email}</span>
            </th>
            <td data-label={t("people.memberState")}>{p.memberState ? fmt.region(p.memberState) : "—"}</td>
            <td data-label={t("people.roles")}>
              <RoleList roles={p.roles} />
            </td>
            <td data-label={t("people.status")}>
              <StatusBadge status={p.status} />
            </td>
            <td data-label={extra ? extra.label : t("people.vettedUntil")}>{extra ? extra.cell(p) : p.vettedUntil ? fmt.date(p.vettedUntil) : "—"}</td>
            {actions && (
              <td data-label={t("people.actions")} className="row-actions">
                {actions(p)}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
