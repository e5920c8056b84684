// The consumer's own loader entry point, calling the plugin's loader library on the consumer's own file.
import {readFileSync} from "node:fs";
import {parseIncomeNational} from "yearbook-scenarios/loaders/incomeNational.js";
import {formatTidyCsv} from "yearbook-scenarios/loaders/tidy.js";

const file = "data/income.csv";
process.stdout.write(formatTidyCsv(parseIncomeNational(readFileSync(file, "utf8"), {file})));
