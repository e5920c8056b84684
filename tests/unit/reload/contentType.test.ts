import {describe, expect, it} from "vitest";
import {checkContentType} from "../../../loaders/reload/contentType.js";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("checkContentType", () => {
  it.each(["text/csv; charset=utf-8", "text/plain", "application/vnd.ms-excel", "application/octet-stream", null])(
    "accepts a CSV served as %s",
    (type) => expect(checkContentType("data/x.csv", type, bytes("year,value\n2024,1\n"))).toBeNull()
  );

  it("rejects an HTML page whatever its label", () => {
    expect(checkContentType("data/x.csv", "text/html; charset=utf-8")).toBe("expected CSV, got content-type text/html");
    expect(checkContentType("data/x.csv", "text/csv", bytes("  <!DOCTYPE html>"))).toMatch(
      /^expected CSV: body starts with "<"/
    );
  });

  it("requires an XLSX download to be a ZIP", () => {
    expect(
      checkContentType(
        "data/x.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        new Uint8Array([0x50, 0x4b, 3, 4])
      )
    ).toBeNull();
    expect(checkContentType("data/x.xlsx", "application/octet-stream", bytes("year,value"))).toBe(
      "expected XLSX: body is not a ZIP (XLSX) file"
    );
    expect(checkContentType("data/x.xlsx", "text/csv")).toBe("expected XLSX, got content-type text/csv");
  });

  it("refuses inputs it cannot check", () => {
    expect(checkContentType("data/x.json", "application/json")).toMatch(/only \.csv and \.xlsx inputs can be remote/);
  });
});
