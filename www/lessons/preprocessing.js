// Lesson `preprocessing` (issue 14): written next.
export default { id: 'preprocessing', settings: {}, steps: [] };
