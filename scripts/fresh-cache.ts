// Before a build or preview: deletes the cached loader outputs whose data/ inputs or loaders/ code changed since they
// were made, so Framework makes them again (it only notices changes to the loader entry files themselves).
import {freshenCache} from "../loaders/cacheStamp.js";

const removed = freshenCache(process.cwd());
if (removed.length)
  console.log(`data cache: ${removed.length} outputs were made from older data/ or loaders/; Framework makes them again (${removed.join(", ")})`);
