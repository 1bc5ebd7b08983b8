// Lesson `interpretability` (issue 14): written next.
export default { id: 'interpretability', settings: {}, steps: [] };
