// Tidy table of the bundled dataset "province-rural-consumption" (see loaders/bundled.ts); the work is in loaders/.
import {emitTable} from "../../loaders/emit.js";

emitTable("province-rural-consumption");
