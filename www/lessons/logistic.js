// Lesson `logistic` (issue 14): written next.
export default { id: 'logistic', settings: {}, steps: [] };
