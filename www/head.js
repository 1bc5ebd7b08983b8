// The page's first script: a classic one, at the top of <head>, so it runs
// before the stylesheets load and the page is laid out (boot.js says why).
import { bootEarly } from './boot.js';

bootEarly(document.currentScript.src);
