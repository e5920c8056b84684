// The list of published reports for the /reports index: slug, title, date, author and the notebook (model) each
// comes from, newest first. A bad report file fails here as in the config, naming the file and field.
import {readReports, todayData} from "../../loaders/reports.js";
import {reportModel} from "../../components/report/models.js";
import {specModel} from "../../components/report/schema.js";

const today = todayData();
const {reports, errors} = readReports(undefined, today);
if (errors.length) {
  process.stderr.write(errors.join("\n") + "\n");
  process.exitCode = 1;
} else {
  const list = reports
    .map(({slug, report}) => ({
      slug,
      title: report.title,
      date: report.date,
      author: report.author ?? null,
      model: report.model,
      modelTitle: specModel(reportModel(report.model)!, today.data(report.model)).title,
      notebook: reportModel(report.model)!.notebook
    }))
    .sort((a, b) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title));
  process.stdout.write(JSON.stringify(list));
}
