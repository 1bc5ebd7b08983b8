// Lesson `rnn` (issue 14): written next.
export default { id: 'rnn', settings: {}, steps: [] };
