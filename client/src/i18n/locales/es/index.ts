import type { Messages } from "../en/index.js";
import { app } from "./app.js";
import { nav } from "./nav.js";
import { connection } from "./connection.js";
import { errors } from "./errors.js";
import { errorHints } from "./errorHints.js";
import { signIn } from "./signIn.js";
import { enroll } from "./enroll.js";
import { home } from "./home.js";
import { matrix } from "./matrix.js";
import { firstRun } from "./firstRun.js";
import { room } from "./room.js";
import { cards } from "./cards.js";
import { coverage } from "./coverage.js";
import { delivery } from "./delivery.js";
import { roles } from "./roles.js";
import { status } from "./status.js";
import { nominate } from "./nominate.js";
import { roster } from "./roster.js";
import { people } from "./people.js";
import { decide } from "./decide.js";
import { queue } from "./queue.js";
import { revetting } from "./revetting.js";
import { audit } from "./audit.js";
import { directory } from "./directory.js";
import { events } from "./events.js";
import { compose } from "./compose.js";
import { library } from "./library.js";
import { incident } from "./incident.js";
import { expertise } from "./expertise.js";
import { content } from "./content.js";
import { venue } from "./venue.js";
import { decryption } from "./decryption.js";
import { notify } from "./notify.js";
import { talk } from "./talk.js";
import { conversations } from "./conversations.js";
import { account } from "./account.js";
import { reminders } from "./reminders.js";
import { picker } from "./picker.js";

// One file per namespace (top-level key), so features add their strings without touching each other's files.
export const es: Messages = {
  app,
  nav,
  connection,
  errors,
  errorHints,
  signIn,
  enroll,
  home,
  matrix,
  firstRun,
  room,
  cards,
  coverage,
  delivery,
  roles,
  status,
  nominate,
  roster,
  people,
  decide,
  queue,
  revetting,
  audit,
  directory,
  events,
  compose,
  library,
  incident,
  expertise,
  content,
  venue,
  decryption,
  notify,
  talk,
  conversations,
  account,
  reminders,
  picker,
};
