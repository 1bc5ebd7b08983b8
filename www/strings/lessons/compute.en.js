// The `compute` lesson's words (lessons/compute.js).
export default {};
