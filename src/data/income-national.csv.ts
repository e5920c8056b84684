// National per-capita disposable income as a tidy CSV; the work is in loaders/.
import {emitTable} from "../../loaders/emit.js";

emitTable("income-national");
