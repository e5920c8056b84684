// The site chrome every page loads from the config's `header` (the language switch, the chrome in the page's language),
// bundled whole (scripts/bundle-pages.ts, STANDALONE).
import "../components/site/mountChrome.js";
