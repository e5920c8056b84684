// npm run ingest -- <file> [--out <path>] [--year <y>] [--encoding <e>] [--sheet <name>] [--layout <name>]
// Prints the tidy CSV (UTF-8) to stdout or writes --out atomically; on bad input exits 1 with path:line:column: message.
import {parseArgs} from "./cliArgs.js";
import {ingest, ingestFileTo, isWorkbook} from "./ingest.js";
import {LoadError} from "./LoadError.js";
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
    if (args.out && !isWorkbook(args.file, args.options)) {
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
