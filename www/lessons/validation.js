// Lesson `validation` (issue 14): written next.
export default { id: 'validation', settings: {}, steps: [] };
