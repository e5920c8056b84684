// Provenance of province-rural-income.csv (source file, sha256, encoding, layout, rows, missing, units, warnings).
import {emitManifest} from "../../loaders/emit.js";

emitManifest("province-rural-income");
