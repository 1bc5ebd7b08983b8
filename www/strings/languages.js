// Every language the page speaks, as a link's `lang=` and <html lang> write
// them (a module of its own: hash.js, in the early head bundle, needs the
// list without any table).
export const LANGUAGES = Object.freeze(['en', 'zh-CN']);
