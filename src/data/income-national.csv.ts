// National per-capita disposable income, tidy CSV. The work is in loaders/; this only writes to stdout.
import {loadIncomeNational} from "../../loaders/loadIncomeNational.js";
import {formatTidyCsv} from "../../loaders/tidy.js";

process.stdout.write(formatTidyCsv(loadIncomeNational().rows));
