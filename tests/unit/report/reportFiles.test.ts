import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, it, vi} from "vitest";
import {readReports, reportPaths} from "../../../loaders/reports.js";

const dir = mkdtempSync(join(tmpdir(), "ys-reports-"));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

describe("report files on disk, checked against today's data", () => {
  it("publishes the committed example reports at /reports/<slug>", () => {
    expect(readReports("reports").errors).toEqual([]);
    expect(reportPaths("reports")).toEqual(expect.arrayContaining(["/reports/example-rural-8", "/reports/example-provinces-rural-11"]));
  });

  it("throws for the build, one line per problem naming file and field, and not valid JSON as such", () => {
    writeFileSync(join(dir, "broken.json"), "{");
    writeFileSync(join(dir, "no-model.json"), JSON.stringify({version: 1, title: "x", date: "2026-12-01"}));
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      expect(() => reportPaths(dir)).toThrow(/reports\/no-model\.json: model: missing/);
    } finally {
      quiet.mockRestore();
    }
    const {errors} = readReports(dir);
    expect(errors[0]).toMatch(/^reports\/broken\.json: \(file\): not valid JSON/);
    expect(errors).toContain("reports/no-model.json: model: missing");
  });
});
