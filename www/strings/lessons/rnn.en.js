// The `rnn` lesson's words (lessons/rnn.js).
export default {};
