// Lesson `privacy` (issue 14): written next.
export default { id: 'privacy', settings: {}, steps: [] };
