import { route } from "../route.js";
import type { Ctx } from "../../domain/context.js";
import { issueMatrixLogin, type MatrixLink } from "../../domain/matrix-session/service.js";

export const matrixRoutes = (ctx: Ctx, link: MatrixLink) => [route("createMatrixSession", ({ principal }) => issueMatrixLogin(ctx, link, principal))];
