// The `interpretability` lesson's words (lessons/interpretability.js).
export default {};
