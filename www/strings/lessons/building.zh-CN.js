// 课程 `building` 的文字（lessons/building.js），简体中文；与 building.en.js 的键相同。
export default {};
