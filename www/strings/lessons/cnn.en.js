// The `cnn` lesson's words (lessons/cnn.js).
export default {};
