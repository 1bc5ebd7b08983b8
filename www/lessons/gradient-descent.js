// Lesson `gradient-descent` (issue 14): written next.
export default { id: 'gradient-descent', settings: {}, steps: [] };
