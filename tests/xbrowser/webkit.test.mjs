// webkit.test.mjs — the core scenarios in WebKitGTK (Safari's engine): Debian's MiniBrowser
// through WebKitWebDriver and selenium-webdriver. Run under Xvfb like firefox.test.mjs.
import { webkit } from './engines.mjs';
import { scenarios } from './scenarios.mjs';

scenarios('webkit', webkit);
