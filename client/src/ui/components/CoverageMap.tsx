// Loaded lazily by the coverage screen (with d3-geo, topojson-client and the 750 kB of Natural
// Earth shapes), so the main bundle does not carry them. The table stays the accessible version:
// the map is one labelled image with a legend.
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { geoAzimuthalEqualArea, geoCentroid, geoPath, type ExtendedFeature } from "d3-geo";
import { feature } from "topojson-client";
import countries50m from "world-atlas/countries-50m.json" with { type: "json" };
import { ISO_NUMERIC } from "./coverageMapIds.js";

const WIDTH = 600;
const HEIGHT = 760;
/** Below this projected area (px²) a state is hard to see: it also gets a dot at its centroid. */
const SMALL = 40;
const COLOURS: Record<string, string> = {
  acknowledged: "var(--ok)",
  pending: "#b58100",
  overdue: "var(--danger)",
  unreadable: "var(--danger)",
  "no-focal-point": "#8a96a3",
  "not-expected": "#dde3ea",
};
const NOT_EXPECTED = "not-expected";
const STATUSES = ["acknowledged", "pending", "overdue", "no-focal-point"] as const;
type Listed = (typeof STATUSES)[number];

// The TopoJSON type reached through topojson-client's own signature (its spec package is not a direct dependency).
type Topology = Parameters<typeof feature>[0];
type Shape = ExtendedFeature;
const topology = countries50m as unknown as Topology;

/** The hemisphere, each member state coloured by its status (`statuses`: state code → display status). */
export function CoverageMap({ statuses, stateName }: { statuses: ReadonlyMap<string, string>; stateName: (code: string) => string }) {
  const { t } = useTranslation();
  // A state outside a program's participating states is not expected: drawn pale, said so.
  const label = (s: string | undefined) =>
    s === undefined || s === NOT_EXPECTED
      ? t("coverage.notExpected")
      : s === "unreadable"
        ? t("delivery.nobodyCanRead")
        : t(`coverage.statuses.${(STATUSES as readonly string[]).includes(s) ? (s as Listed) : "pending"}`);
  const colour = (code: string) => COLOURS[statuses.get(code) ?? NOT_EXPECTED] ?? COLOURS[NOT_EXPECTED];
  const shapes = useMemo(() => {
    const countries = topology.objects.countries as Parameters<typeof feature>[1];
    const all = (feature(topology, countries) as unknown as { features: Shape[] }).features;
    // The Americas, from Alaska's mainland to Tierra del Fuego, on an equal-area projection centred on them.
    const projection = geoAzimuthalEqualArea()
      .rotate([80, -12])
      .fitExtent(
        [
          [8, 8],
          [WIDTH - 8, HEIGHT - 8],
        ],
        {
          type: "MultiPoint",
          coordinates: [
            [-150, 62],
            [-60, 72],
            [-120, 20],
            [-35, -8],
            [-75, -56],
          ],
        },
      );
    const path = geoPath(projection);
    const codeOf = new Map(Object.entries(ISO_NUMERIC).map(([code, iso]) => [iso, code]));
    return all.map((f) => {
      const code = codeOf.get(String(f.id)) ?? null;
      const d = path(f) ?? "";
      const small = code !== null && path.area(f) < SMALL;
      const dot = small ? projection(geoCentroid(f)) : null;
      return { id: String(f.id), code, d, dot };
    });
  }, []);
  return (
    <figure className="coverage-map">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={t("coverage.mapLabel")} data-testid="coverage-map">
        {shapes.map((s) =>
          s.code ? (
            <g key={s.id} data-state={s.code} data-status={statuses.get(s.code) ?? NOT_EXPECTED}>
              <title>{`${stateName(s.code)}: ${label(statuses.get(s.code))}`}</title>
              <path d={s.d} fill={colour(s.code)} stroke="#fff" strokeWidth={0.5} />
              {s.dot && <circle cx={s.dot[0]} cy={s.dot[1]} r={4} fill={colour(s.code)} stroke="#fff" strokeWidth={1} />}
            </g>
          ) : (
            <path key={s.id} d={s.d} fill="#e8ecf0" stroke="#fff" strokeWidth={0.5} />
          ),
        )}
      </svg>
      <figcaption>
        <ul className="plain-list map-legend">
          {[...STATUSES, "unreadable", ...(shapes.some((x) => x.code && !statuses.has(x.code)) ? [NOT_EXPECTED] : [])].map((s) => (
            <li key={s}>
              <span className="swatch" style={{ background: COLOURS[s] }} aria-hidden="true" /> {label(s)}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
