// The `backprop` lesson's words (lessons/backprop.js).
export default {};
