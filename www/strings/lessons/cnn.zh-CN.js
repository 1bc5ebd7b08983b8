// 课程 `cnn` 的文字（lessons/cnn.js），简体中文；与 cnn.en.js 的键相同。
export default {};
