// Lesson `testing` (issue 14): written next.
export default { id: 'testing', settings: {}, steps: [] };
