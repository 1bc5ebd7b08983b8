// Lesson `compute` (issue 14): written next.
export default { id: 'compute', settings: {}, steps: [] };
