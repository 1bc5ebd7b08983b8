// 课程 `logistic` 的文字（lessons/logistic.js），简体中文；与 logistic.en.js 的键相同。
export default {};
