// What src/sql.md imports; scripts/bundle-pages.ts bundles it into src/bundles/sql.js.
export {openDatabase} from "../components/duckdb.js";
export {describeTables, tableCatalog} from "../components/sqlWorkbench/tableCatalog.js";
export {lockDown, sqlWorkbench} from "../components/sqlWorkbench/sqlWorkbench.js";
export {EXAMPLE_QUERIES} from "../components/sqlWorkbench/examples.js";
