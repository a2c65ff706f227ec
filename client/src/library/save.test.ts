import { describe, it, expect, afterEach, vi } from "vitest";
import { saveFile } from "./save.js";

// Decrypted files (DocumentCard, the library's Download) reach the browser as opaque bytes: a
// sender's MIME type such as text/html or image/svg+xml would otherwise be rendered in our origin.
describe("saveFile", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it("hands the browser an application/octet-stream blob under the given file name", async () => {
    const clicked: Array<{ href: string; download: string }> = [];
    const anchor = {
      href: "",
      download: "",
      rel: "",
      click() {
        clicked.push({ href: this.href, download: this.download });
      },
      remove() {},
    };
    vi.stubGlobal("document", { createElement: () => anchor, body: { append() {} } });
    const blobs: Blob[] = [];
    vi.spyOn(URL, "createObjectURL").mockImplementation((b) => {
      blobs.push(b as Blob);
      return "blob:test";
    });
    vi.spyOn(URL, "revokeObjectURL").mockImplementation(() => {});

    saveFile(new TextEncoder().encode("<script>alert(1)</script>"), "report.html");
    expect(blobs.map((b) => b.type)).toEqual(["application/octet-stream"]);
    expect(await blobs[0].text()).toBe("<script>alert(1)</script>");
    expect(clicked).toEqual([{ href: "blob:test", download: "report.html" }]);
  });
});
