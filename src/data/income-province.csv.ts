// Tidy table of the bundled dataset "income-province" (see loaders/bundled.ts); the work is in loaders/.
import {emitTable} from "../../loaders/emit.js";

emitTable("income-province");
