// A second, minimal Framework project that uses yearbook-scenarios as a plugin (see tests/site/plugin.test.ts).
export default {
  title: "Plugin consumer",
  root: "src",
  globalStylesheets: [],
  search: false,
  footer: ""
};
