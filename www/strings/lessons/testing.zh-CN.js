// 课程 `testing` 的文字（lessons/testing.js），简体中文；与 testing.en.js 的键相同。
export default {};
