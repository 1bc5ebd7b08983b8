// The string tables in the offline file: the served page imports
// dist/strings-LANG.js when a visitor picks that language (strings/load.js),
// but the offline file can import nothing beside it, so every table but the
// bundled English rides in the file as one more inline script (hashed, like
// the others) and leaves itself where load.js looks first. It runs after
// offline-boot.js, which sets DESCENT_OFFLINE anew.

import zhCN from './strings/zh-CN.js';

(globalThis.DESCENT_OFFLINE ??= {}).strings = { 'zh-CN': zhCN };
