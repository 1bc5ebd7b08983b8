// 课程 `backprop` 的文字（lessons/backprop.js），简体中文；与 backprop.en.js 的键相同。
export default {};
