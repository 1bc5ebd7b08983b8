// The `gradient-descent` lesson's words (lessons/gradient-descent.js).
export default {};
