// Provenance of income-national.csv (source file, sha256, rows, generated-at), shown on the pages.
import {emitManifest} from "../../loaders/emit.js";

emitManifest("income-national");
