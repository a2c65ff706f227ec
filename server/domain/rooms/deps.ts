import type { Ctx } from "../context.js";
import type { HomeserverPort } from "./port.js";

/** What every reconciler step is given: the registry (through ctx) and the homeserver. */
export interface ReconcileDeps {
  ctx: Ctx;
  hs: HomeserverPort;
}
