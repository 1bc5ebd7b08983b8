// A phrase: a string-table key and its values, worded only when shown
// (strings/index.js words()), so what the store keeps (a notice, a refusal,
// a link's problems) is said in the page's language of the moment. A
// module of its own, with no table: hash.js and state.js, in the early
// head bundle, build phrases without loading any words.
export const phrase = (key, vars = {}) => ({ key, vars });
