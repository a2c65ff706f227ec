import { route } from "../route.js";
import type { Ctx } from "../../domain/context.js";
import { issueMatrixLogin, type MatrixLink } from "../../domain/matrix-session/service.js";
import { MatrixSessionResult } from "#shared/api/matrix.js";

export const matrixRoutes = (ctx: Ctx, link: MatrixLink) => [
  route({
    method: "post",
    path: "/matrix/session",
    operationId: "createMatrixSession",
    tag: "matrix",
    access: "session",
    summary: "A short-lived, single-use grant to sign in to the homeserver (login type org.oas.enlace.login.grant)",
    response: MatrixSessionResult,
    errors: [409, 422, 503],
    handler: ({ principal }) => issueMatrixLogin(ctx, link, principal!),
  }),
];
