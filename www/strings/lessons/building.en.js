// The `building` lesson's words (lessons/building.js).
export default {};
