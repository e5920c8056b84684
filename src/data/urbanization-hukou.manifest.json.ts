// Provenance of urbanization-hukou.csv (source file, sha256, encoding, layout, rows, missing, units, warnings).
import {emitManifest} from "../../loaders/emit.js";

emitManifest("urbanization-hukou");
