// 课程 `compute` 的文字（lessons/compute.js），简体中文；与 compute.en.js 的键相同。
export default {};
