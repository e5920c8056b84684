// Starts the writer thread from its TypeScript source when no compiled tidyWriterWorker.js sits beside
// tidyWriterThread (running from the repository under tsx or vitest): tsx compiles the module in the thread.
import {workerData} from "node:worker_threads";
import {tsImport} from "tsx/esm/api";

await tsImport(workerData.entry, import.meta.url);
