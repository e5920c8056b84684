// Provenance of income-national.csv (source file, sha256, rows, generated-at), shown on the pages.
import {loadIncomeNational} from "../../loaders/loadIncomeNational.js";

process.stdout.write(JSON.stringify(loadIncomeNational().manifest, null, 2) + "\n");
