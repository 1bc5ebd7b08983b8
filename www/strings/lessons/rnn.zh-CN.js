// 课程 `rnn` 的文字（lessons/rnn.js），简体中文；与 rnn.en.js 的键相同。
export default {};
