/** What a progress line shows: the source or dataset being worked on, rows or bytes so far, and time spent. */
export interface ProgressState {
  source: string;
  rows?: number;
  bytes?: number;
  total?: number | null;
  note?: string;
  elapsedMs: number;
}

/**
 * One progress line. @example formatProgress({source: "income-national", rows: 72, elapsedMs: 1234}) // "income-national · 72 rows · 1.2 s"
 */
export function formatProgress({source, rows, bytes, total, note, elapsedMs}: ProgressState): string {
  const parts = [source];
  if (bytes !== undefined) parts.push(total ? `${formatBytes(bytes)} of ${formatBytes(total)}` : formatBytes(bytes));
  if (rows !== undefined) parts.push(`${rows} rows`);
  if (note) parts.push(note);
  parts.push(`${(elapsedMs / 1000).toFixed(1)} s`);
  return parts.join(" · ");
}

function formatBytes(n: number): string {
  return n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} kB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export interface Progress {
  /** Work on `source` moved on; a terminal redraws one line, other output prints a line when the step starts. */
  update(source: string, detail?: Omit<ProgressState, "source" | "elapsedMs">): void;
  /** `source` finished: always one line. */
  done(source: string, detail?: Omit<ProgressState, "source" | "elapsedMs">): void;
  /** A line of its own (a recovered lock, a retry, the summary). */
  info(text: string): void;
}

/**
 * Progress on a stream: an updating line on a terminal, plain lines when not a TTY or when CI=true.
 * @example const progress = createProgress(); progress.update("income-national"); progress.done("income-national", {rows: 72});
 */
export function createProgress({
  stream = process.stdout as {write(text: string): unknown; isTTY?: boolean},
  live = Boolean(stream.isTTY) && process.env.CI !== "true",
  now = () => performance.now()
} = {}): Progress {
  const started = new Map<string, number>();
  let open = false; // a live line is on screen without its newline
  const clear = () => {
    if (open) stream.write("\r\x1b[2K");
    open = false;
  };
  const elapsed = (source: string) => now() - (started.get(source) ?? now());
  return {
    update(source, detail = {}) {
      const first = !started.has(source);
      if (first) started.set(source, now());
      const line = formatProgress({source, ...detail, elapsedMs: elapsed(source)});
      if (live) {
        clear();
        stream.write(line);
        open = true;
      } else if (first) stream.write(`${line}\n`);
    },
    done(source, detail = {}) {
      if (!started.has(source)) started.set(source, now());
      clear();
      stream.write(`${formatProgress({source, ...detail, elapsedMs: elapsed(source)})}\n`);
    },
    info(text) {
      clear();
      stream.write(`${text}\n`);
    }
  };
}
