// Tidy table of the bundled dataset "plan-indicators" (see loaders/bundled.ts); the work is in loaders/.
import {emitTable} from "../../loaders/emit.js";

emitTable("plan-indicators");
