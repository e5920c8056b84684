// The site chrome every page loads from the config's `header` (the language switch, the chrome in the page's language),
// bundled with the notebooks so the modules they share load once.
import "../components/site/mountChrome.js";
