// 课程 `gradient-descent` 的文字（lessons/gradient-descent.js），简体中文；与 gradient-descent.en.js 的键相同。
export default {};
