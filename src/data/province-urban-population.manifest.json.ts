// Provenance of province-urban-population.csv (source file, sha256, encoding, layout, rows, missing, units, warnings).
import {emitManifest} from "../../loaders/emit.js";

emitManifest("province-urban-population");
