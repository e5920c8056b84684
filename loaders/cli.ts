// npm run ingest -- <file> [--out <path>] [--year <y>] [--encoding <e>] [--sheet <name>] [--layout <name>]
// Prints the tidy CSV (UTF-8) to stdout or writes --out atomically; on bad input exits 1 with path:line:column: message.
import {ingest, ingestFileTo, type IngestOptions} from "./ingest.js";
import {LoadError} from "./LoadError.js";
import {formatTidyCsv} from "./tidy.js";
import {writeAtomic} from "./writeAtomic.js";
import type {LayoutName} from "./layouts/types.js";

const USAGE = "usage: npm run ingest -- <file> [--out <path>] [--year <y>] [--encoding <e>] [--sheet <name>] [--layout <name>] [--manifest <path>]";
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
      if (!Number.isInteger(y) || y < 1949 || y > 2100) throw new Error(`--year must be a year between 1949 and 2100\n${USAGE}`);
      options.year = y;
    } else if (arg === "--encoding") options.encoding = next();
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

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  try {
    const isXlsx = /\.xlsx$/i.test(args.file);
    if (args.out && !isXlsx) {
      const manifest = ingestFileTo(args.file, args.out, args.options);
      if (args.manifest) writeAtomic(args.manifest, JSON.stringify(manifest, null, 2) + "\n");
      process.stderr.write(`${args.file}: ${manifest.rows} rows (${manifest.missing} missing), ${manifest.source.encoding}, ${manifest.source.layout} → ${args.out}\n`);
      return 0;
    }
    const {rows, manifest} = await ingest(args.file, args.options);
    const csv = formatTidyCsv(rows);
    if (args.out) writeAtomic(args.out, csv);
    else process.stdout.write(csv);
    if (args.manifest) writeAtomic(args.manifest, JSON.stringify(manifest, null, 2) + "\n");
    return 0;
  } catch (error) {
    if (error instanceof LoadError) process.stderr.write(`${error.message}\n`);
    else if ((error as NodeJS.ErrnoException).code === "ENOENT") process.stderr.write(`${args.file}: no such file\n`);
    else process.stderr.write(`${args.file}: ${(error as Error).message}\n`);
    return 1;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
