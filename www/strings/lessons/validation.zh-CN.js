// 课程 `validation` 的文字（lessons/validation.js），简体中文；与 validation.en.js 的键相同。
export default {};
