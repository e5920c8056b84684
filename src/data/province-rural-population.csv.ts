// Tidy table of the bundled dataset "province-rural-population" (see loaders/bundled.ts); the work is in loaders/.
import {emitTable} from "../../loaders/emit.js";

emitTable("province-rural-population");
