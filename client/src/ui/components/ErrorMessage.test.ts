import { describe, expect, it } from "vitest";
import { createI18n } from "../../i18n/index.js";
import { ApiError } from "../../api/errors.js";
import { errorText } from "./ErrorMessage.js";
import { PROBLEM_BASE, PROBLEM_TYPES, PROBLEMS } from "#shared/api/problems.js";

const problem = (type: string, detail?: string, extra: Record<string, unknown> = {}) =>
  new ApiError(PROBLEM_BASE + type, PROBLEMS[type as keyof typeof PROBLEMS]?.status ?? 400, "English title", detail, extra);

describe("errorText: the reader's language, never the server's English", () => {
  const es = createI18n("es");

  it("every problem type has its own Spanish message, without the server's title or detail", () => {
    for (const type of PROBLEM_TYPES) {
      const text = errorText(es.t, problem(type, "The 6-digit code is not correct. Check your device's clock and try again."));
      expect(text, type).not.toMatch(/English title|6-digit code is not correct/);
      expect(text, type).not.toBe(es.t("errors.unknown", { status: 400 }));
    }
  });

  it("a validation problem names its fields (data), not zod's English messages", () => {
    const text = errorText(
      es.t,
      problem("validation-failed", "body.email: Invalid email address", { errors: [{ path: "body.email", message: "Invalid email address" }] }),
    );
    expect(text).toBe("Algunos datos no son válidos. Revise: email");
  });

  it("an unknown type falls back to the status", () => {
    expect(errorText(es.t, new ApiError("https://example.org/teapot", 418, "I'm a teapot"))).toBe("La solicitud falló (418).");
  });
});
