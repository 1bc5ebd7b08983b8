// The `preprocessing` lesson's words (lessons/preprocessing.js).
export default {};
