// Lesson `building` (issue 14): written next.
export default { id: 'building', settings: {}, steps: [] };
