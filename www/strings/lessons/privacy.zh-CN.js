// 课程 `privacy` 的文字（lessons/privacy.js），简体中文；与 privacy.en.js 的键相同。
export default {};
