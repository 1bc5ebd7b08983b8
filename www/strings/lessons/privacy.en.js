// The `privacy` lesson's words (lessons/privacy.js).
export default {};
