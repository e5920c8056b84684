// Tidy table of the bundled dataset "urbanization-hukou" (see loaders/bundled.ts); the work is in loaders/.
import {emitTable} from "../../loaders/emit.js";

emitTable("urbanization-hukou");
