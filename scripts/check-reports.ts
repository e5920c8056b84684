// Before a build: checks every file in reports/ against today's data, so a bad report fails the build before
// Framework clears the output folder (the last good site stays in place). The config checks again for `observable`
// run directly. Prints one line `reports/<file>: <field>: message` per problem.
import {readReports} from "../loaders/reports.js";

const {reports, errors} = readReports();
for (const line of errors) console.error(line);
if (errors.length) {
  console.error(`${errors.length} problem(s) in reports/: nothing was built`);
  process.exitCode = 1;
} else if (reports.length) console.log(`reports: ${reports.length} checked (${reports.map((r) => r.slug).join(", ")})`);
