// firefox.test.mjs — the core scenarios in Firefox ESR (Gecko) through puppeteer-core over
// WebDriver BiDi. Run under Xvfb: tools/test does `xvfb-run … node --test tests/xbrowser/`.
import { firefox } from './engines.mjs';
import { scenarios } from './scenarios.mjs';

scenarios('firefox', firefox);
