// The `logistic` lesson's words (lessons/logistic.js).
export default {};
