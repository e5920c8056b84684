// The scorecard and the notebooks find plan series by their Chinese names, restated in
// components/scorecard/planMeta.ts (target → observed series, and the annotated series). A name changed in
// data/plan/ alone would load fine and then break those pages cell by cell; this check makes the load itself fail,
// naming the file, line and column, so `npm run reload -- --check` and the build stop with the reason instead.
import {readFileSync} from "node:fs";
import {csvParseRows} from "d3-dsv";
import {OBSERVATION_NOTES, PLAN_TARGETS} from "../components/scorecard/planMeta.js";
import {LoadError} from "./LoadError.js";

const META = "components/scorecard/planMeta.ts";

/**
 * Checks that data/plan/targets.csv (`kind: "targets"`) or data/plan/plan_indicators.csv (`"indicators"`) still
 * holds every indicator name the pages look up; throws a LoadError otherwise.
 * @example checkPlanNames("data/plan/targets.csv", "targets")
 */
export function checkPlanNames(path: string, kind: "targets" | "indicators", label = path): void {
  checkPlanNamesText(readFileSync(path, "utf8"), kind, label);
}

/** The same check on the file's text. @example checkPlanNamesText("indicator_id,indicator_zh\n", "targets", "t.csv") */
export function checkPlanNamesText(text: string, kind: "targets" | "indicators", file: string): void {
  const [header, ...rows] = csvParseRows(text.replace(/^\uFEFF/, ""));
  const idColumn = header?.indexOf("indicator_id") ?? -1;
  const nameColumn = header?.indexOf("indicator_zh") ?? -1;
  if (idColumn < 0 || nameColumn < 0) {
    const expected = "expected the columns indicator_id and indicator_zh (the scorecard looks series up by them)";
    throw new LoadError(file, 1, 1, expected);
  }
  const located = rows.map((row, i) => ({id: row[idColumn], name: row[nameColumn], line: i + 2}));
  const expected = new Map<string, string>();
  for (const target of PLAN_TARGETS) {
    const name = kind === "targets" ? target.indicator : target.observed;
    if (name !== null) expected.set(target.id, name);
  }
  for (const row of located) {
    const name = expected.get(row.id);
    if (name !== undefined && row.name !== name) {
      throw new LoadError(
        file,
        row.line,
        nameColumn + 1,
        `indicator_zh "${row.name}" of ${row.id} is not "${name}", the name ${META} looks it up by: ` +
          "rename it there too, or keep the name here"
      );
    }
  }
  for (const [id, name] of expected) {
    if (!located.some((row) => row.id === id)) {
      throw new LoadError(file, undefined, undefined, `no row of ${id} ("${name}"), which ${META} expects`);
    }
  }
  if (kind === "targets") {
    for (const row of located) {
      if (!PLAN_TARGETS.some((t) => t.id === row.id)) {
        const detail = `target ${row.id} has no entry in ${META} (direction, baseline year)`;
        throw new LoadError(file, row.line, idColumn + 1, detail);
      }
    }
  } else {
    const annotated = new Set(Object.keys(OBSERVATION_NOTES).map((key) => key.split("|")[0]));
    for (const name of annotated) {
      if (!located.some((row) => row.name === name)) {
        const detail = `no series "${name}", whose sources ${META} annotates: was it renamed?`;
        throw new LoadError(file, undefined, undefined, detail);
      }
    }
  }
}
