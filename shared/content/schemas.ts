import type { z } from "zod";
import type { ContentKind, MessageKind } from "./types.js";
import { AlertContent, alertFallback } from "./alert.js";
import { IncidentContent, incidentFallback } from "./incident.js";
import { IncidentUpdateContent, incidentUpdateFallback } from "./incident-update.js";
import { AdvisoryContent, advisoryFallback } from "./advisory.js";
import { DocumentContent, documentFallback } from "./document.js";
import { ExpertiseRequestContent, expertiseRequestFallback } from "./expertise-request.js";
import { ExpertiseOfferContent, expertiseOfferFallback } from "./expertise-offer.js";
import { ExpertiseStatusContent, expertiseStatusFallback } from "./expertise-status.js";
import { AckContent } from "./ack.js";
import { RoomTlpContent } from "./room-tlp.js";
import type { Fallback } from "./format.js";

/** The payload type of each kind. */
export interface ContentByKind {
  alert: AlertContent;
  incident: IncidentContent;
  "incident.update": IncidentUpdateContent;
  advisory: AdvisoryContent;
  document: DocumentContent;
  "expertise.request": ExpertiseRequestContent;
  "expertise.offer": ExpertiseOfferContent;
  "expertise.status": ExpertiseStatusContent;
  ack: AckContent;
  "room.tlp": RoomTlpContent;
}

/** `{ kind, content }` for any kind: what parseIncoming returns and the STIX exporter takes. */
export type KindAndContent = { [K in ContentKind]: { kind: K; content: ContentByKind[K] } }[ContentKind];

export const SCHEMAS: { readonly [K in ContentKind]: z.ZodType<ContentByKind[K]> } = {
  alert: AlertContent,
  incident: IncidentContent,
  "incident.update": IncidentUpdateContent,
  advisory: AdvisoryContent,
  document: DocumentContent,
  "expertise.request": ExpertiseRequestContent,
  "expertise.offer": ExpertiseOfferContent,
  "expertise.status": ExpertiseStatusContent,
  ack: AckContent,
  "room.tlp": RoomTlpContent,
};

const FALLBACKS: { readonly [K in MessageKind]: (c: ContentByKind[K]) => Fallback } = {
  alert: alertFallback,
  incident: incidentFallback,
  "incident.update": incidentUpdateFallback,
  advisory: advisoryFallback,
  document: documentFallback,
  "expertise.request": expertiseRequestFallback,
  "expertise.offer": expertiseOfferFallback,
  "expertise.status": expertiseStatusFallback,
};

/** Plain-text fallback (`body`) of a validated payload. */
export const toPlainBody = <K extends MessageKind>(kind: K, content: ContentByKind[K]): string => FALLBACKS[kind](content).plain;

/** HTML fallback (`formatted_body`); every interpolated value is escaped. */
export const toHtmlBody = <K extends MessageKind>(kind: K, content: ContentByKind[K]): string => FALLBACKS[kind](content).html;
