// The `validation` lesson's words (lessons/validation.js).
export default {};
