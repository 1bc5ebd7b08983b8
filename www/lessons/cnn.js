// Lesson `cnn` (issue 14): written next.
export default { id: 'cnn', settings: {}, steps: [] };
