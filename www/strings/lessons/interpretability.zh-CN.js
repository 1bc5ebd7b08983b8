// 课程 `interpretability` 的文字（lessons/interpretability.js），简体中文；与 interpretability.en.js 的键相同。
export default {};
