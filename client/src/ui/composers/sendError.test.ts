import { describe, expect, it } from "vitest";
import { formatBytes } from "../../i18n/format.js";
import { sendFailure } from "./sendError.js";
import { TlpCeilingError } from "#shared/content/tlp.js";
import { DocumentTooLargeError, InvalidContentError } from "#shared/content/errors.js";
import { ApiError } from "../../api/errors.js";

describe("send failures", () => {
  it("explain a send above the room's ceiling with both TLP labels, untranslated", () => {
    expect(sendFailure(new TlpCeilingError("RED", "AMBER"))).toEqual({ key: "ceiling", values: { level: "TLP:RED", ceiling: "TLP:AMBER" } });
  });

  it("give the size and the limit of a file that is too large, in the reader's number format", () => {
    expect(sendFailure(new DocumentTooLargeError(60 * 1024 * 1024 + 512 * 1024), "fr")).toEqual({
      key: "tooLargeFile",
      values: { size: "60,5 MiB", max: "50 MiB" },
    });
    expect(formatBytes(2048)).toBe("2 KiB");
    expect(formatBytes(12)).toBe("12 B");
  });

  it("tell a homeserver refusal from a lost connection, and pass control-plane problems through", () => {
    expect(sendFailure(Object.assign(new Error("no"), { httpStatus: 403, errcode: "M_FORBIDDEN" }))).toEqual({ key: "forbidden" });
    expect(sendFailure(new TypeError("Failed to fetch"))).toEqual({ key: "failed" });
    expect(sendFailure(new InvalidContentError("alert", []))).toEqual({ key: "invalidContent" });
    const api = new ApiError("urn:enlace:forbidden", 403, "Forbidden");
    expect(sendFailure(api)).toEqual({ api });
  });
});
