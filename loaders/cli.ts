// npm run ingest -- <file> [--out <path>] [--year <y>] [--encoding <e>] [--sheet <name>] [--layout <name>]
// Prints the tidy CSV (UTF-8) to stdout or writes --out atomically; on bad input exits 1 with path:line:column: message.
import {createReadStream, mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {pipeline} from "node:stream/promises";
import {parseArgs} from "./cliArgs.js";
import {ingest, ingestFileTo, isWorkbook} from "./ingest.js";
import {LoadError} from "./LoadError.js";
import {checkOutputPath} from "./outputPath.js";
import {formatTidyCsv} from "./tidy.js";
import {writeAtomic} from "./writeAtomic.js";

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  try {
    for (const out of [args.out, args.manifest]) if (out) checkOutputPath(out, [args.file]);
    if (args.manifest && args.out && resolve(args.manifest) === resolve(args.out))
      throw new LoadError(args.manifest, undefined, undefined, "--manifest and --out name the same file");
    if (args.out && !isWorkbook(args.file, args.options)) {
      const manifest = ingestFileTo(args.file, args.out, args.options);
      if (args.manifest) writeAtomic(args.manifest, JSON.stringify(manifest, null, 2) + "\n");
      process.stderr.write(
        `${args.file}: ${manifest.rows} rows (${manifest.missing} missing), ${manifest.source.encoding}, ${manifest.source.layout} → ${args.out}\n`
      );
      return 0;
    }
    if (!args.out && !isWorkbook(args.file, args.options)) {
      // Validate the whole file before printing a byte (a pipe never sees half a table), in constant memory:
      // stream into a temporary file, then copy it to stdout.
      const dir = mkdtempSync(join(tmpdir(), "ingest-"));
      try {
        const manifest = ingestFileTo(args.file, join(dir, "tidy.csv"), args.options);
        await pipeline(createReadStream(join(dir, "tidy.csv")), process.stdout, {end: false});
        if (args.manifest) writeAtomic(args.manifest, JSON.stringify(manifest, null, 2) + "\n");
      } finally {
        rmSync(dir, {recursive: true, force: true});
      }
      return 0;
    }
    const {rows, manifest} = await ingest(args.file, args.options);
    const csv = formatTidyCsv(rows);
    if (args.out) writeAtomic(args.out, csv);
    else process.stdout.write(csv);
    if (args.manifest) writeAtomic(args.manifest, JSON.stringify(manifest, null, 2) + "\n");
    return 0;
  } catch (error) {
    // A reader that stops early (`| head`) is not an ingest failure.
    if ((error as NodeJS.ErrnoException).code === "EPIPE") return 0;
    if (error instanceof LoadError) process.stderr.write(`${error.message}\n`);
    else if ((error as NodeJS.ErrnoException).code === "ENOENT") process.stderr.write(`${args.file}: no such file\n`);
    else process.stderr.write(`${args.file}: ${(error as Error).message}\n`);
    return 1;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
