import {ENCODING_NAMES, knownEncoding} from "./decodeText.js";
import type {IngestOptions} from "./ingestOptions.js";
import type {LayoutName} from "./layouts/types.js";

/** The one-line usage printed with every argument error. */
export const USAGE =
  "usage: npm run ingest -- <file> [--out <path>] [--year <y>] [--encoding <e>] [--sheet <name>] [--layout <name>] [--manifest <path>]";
const LAYOUTS = ["nbs-province", "nbs-national", "yearbook", "long"];

/** Parses the command line into a file, an output path and ingest options. @example parseArgs(["x.csv", "--year", "2019"]) */
export function parseArgs(argv: string[]): {file: string; out?: string; manifest?: string; options: IngestOptions} {
  const options: IngestOptions = {};
  let file: string | undefined;
  let out: string | undefined;
  let manifest: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const next = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value\n${USAGE}`);
      return v;
    };
    if (arg === "--out" || arg === "-o") out = next();
    else if (arg === "--year") {
      const y = Number(next());
      if (!Number.isInteger(y) || y < 1949 || y > 2100)
        throw new Error(`--year must be a year between 1949 and 2100\n${USAGE}`);
      options.year = y;
    } else if (arg === "--encoding") {
      const e = next();
      if (!knownEncoding(e)) throw new Error(`--encoding must be one of ${ENCODING_NAMES}\n${USAGE}`);
      options.encoding = e;
    }
    else if (arg === "--sheet") options.sheet = next();
    else if (arg === "--manifest") manifest = next();
    else if (arg === "--layout") {
      const l = next();
      if (!LAYOUTS.includes(l)) throw new Error(`--layout must be one of ${LAYOUTS.join(", ")}\n${USAGE}`);
      options.layout = l as LayoutName;
    } else if (arg.startsWith("-")) throw new Error(`unknown option ${arg}\n${USAGE}`);
    else if (file === undefined) file = arg;
    else throw new Error(`one input file only\n${USAGE}`);
  }
  if (!file) throw new Error(USAGE);
  return {file, out, manifest, options};
}
