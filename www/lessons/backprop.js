// Lesson `backprop` (issue 14): written next.
export default { id: 'backprop', settings: {}, steps: [] };
