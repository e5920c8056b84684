// Loaded by every page from the config `header` (a module script, so it runs once the page is parsed): puts the
// language switch in the header and the site's chrome in the page's language.
import {currentLang} from "../i18n.js";
import {langSwitch} from "../langSwitch.js";
import {translateChrome} from "./siteChrome.js";

const lang = currentLang();
translateChrome(document, lang);
document.querySelector("#lang-switch")?.replaceChildren(langSwitch({lang}));
