// 课程 `preprocessing` 的文字（lessons/preprocessing.js），简体中文；与 preprocessing.en.js 的键相同。
export default {};
