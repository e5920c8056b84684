// The reload change log (data/reload-log.json), checked, for the revisions page; `npm run reload` writes it.
import {emitReloadLog} from "../../loaders/reload/changelog.js";

emitReloadLog();
