// The `testing` lesson's words (lessons/testing.js).
export default {};
