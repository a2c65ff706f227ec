import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api-context.js";
import { useAsync } from "../../app/async.js";
import { useFormat } from "../../i18n/format.js";
import type { MajorEvent } from "../../api/types.js";
import { AsyncView } from "../components/bits.js";
import { hrefOf } from "../../app/router.js";

const VENUES = ["stadium", "arena", "convention-center", "open-air", "transport-hub", "tourist-site", "summit-venue", "multiple", "other"] as const;
type Venue = (typeof VENUES)[number];
const isVenue = (v: string): v is Venue => (VENUES as readonly string[]).includes(v);

export function Events() {
  const { t } = useTranslation();
  const api = useApi();
  const fmt = useFormat();
  const [events, reload] = useAsync(api.majorEvents, "events");
  const venue = (e: MajorEvent) => (isVenue(e.venueType) ? t(`venue.${e.venueType}`) : e.venueType);
  return (
    <section aria-labelledby="events-title">
      <h1 id="events-title">{t("events.title")}</h1>
      <AsyncView state={events} retry={reload}>
        {(list) =>
          list.length === 0 ? (
            <p>{t("events.empty")}</p>
          ) : (
            <ul className="cards">
              {[...list]
                .sort((a, b) => a.startsOn.localeCompare(b.startsOn))
                .map((e) => (
                  <li key={e.id} className="panel">
                    <h2>{e.name}</h2>
                    <dl className="facts">
                      <dt>{t("events.host")}</dt>
                      <dd>{fmt.region(e.hostState)}</dd>
                      <dt>{t("events.dates")}</dt>
                      <dd>{fmt.dateRange(e.startsOn, e.endsOn)}</dd>
                      <dt>{t("events.venue")}</dt>
                      <dd>{venue(e)}</dd>
                      <dt>{t("events.supporting")}</dt>
                      <dd>{e.supportingStates.length ? fmt.list(e.supportingStates.map(fmt.region)) : "—"}</dd>
                    </dl>
                    <p>
                      <a href={hrefOf({ name: "event-expertise", eventId: e.id })} aria-label={`${t("expertise.forEvent")}: ${e.name}`}>
                        {t("expertise.forEvent")}
                      </a>
                    </p>
                  </li>
                ))}
            </ul>
          )
        }
      </AsyncView>
    </section>
  );
}
