// 课程 `rnn` 的文字（lessons/rnn.js），简体中文：一个有记忆的网络，学正弦波。
// 与 rnn.en.js 的键相同。

export default {
  'lesson.rnn.title': '循环神经网络',
  'lesson.rnn.f.params': '{n} 个参数',
  'lesson.rnn.f.oneStep': '单步预测',
  'lesson.rnn.f.free': '自由运行',

  'lesson.rnn.1.title': '一个会记忆的网络',
  'lesson.rnn.1': `<p><strong>循环神经网络</strong>一次读入序列中的一个值，并保留几个数，也就是它的
<strong>隐藏状态</strong> <var>h</var>；每一步都用新读入的值和它自己原来的值来更新：
<var>h</var><sub><var>t</var></sub> = <var>f</var>(<var>x</var><sub><var>t</var></sub>, <var>h</var><sub><var>t</var>−1</sub>)。
每一步用的都是<em>同一组</em> <var>W</var>、<var>U</var> 和 <var>b</var>；最后一步之后，由 <var>V</var> 读出这个状态。</p>
<p>任务是：根据正弦波最近的 20 个值，预测下一个值。按<strong>播放</strong>，看蓝色的预测
怎样落到灰色的序列上。</p>`,
  'lesson.rnn.1.check': '一直训练，直到验证损失低于 {value}。',
  'lesson.rnn.1.done': '验证损失已经低于 {value}：每一个“下一个值”都几乎预测得分毫不差。',

  'lesson.rnn.2.title': '自由运行',
  'lesson.rnn.2': `<p>到目前为止，模型读到的总是<em>真实的</em>最近 20 个值。来一个更难的测试：从阴影标出的
窗口开始，让它<strong>自己</strong>往下走，每次的预测都成为它下一步的输入，这样一个小误差就会被反馈回去，
而且可能越滚越大。</p>
<p>按<strong>自由运行</strong>。橙色虚线是模型自说自话走了 100 步；它和灰色序列之间的阴影
就是它的漂移。拖动<strong>窗口</strong>滑块，可以换个地方开始。</p>`,
  'lesson.rnn.2.check': '打开自由运行。',
  'lesson.rnn.2.done': '自由运行已打开：学会了这条波的模型，自己也能保持住它的形状。',

  'lesson.rnn.3.title': '内部：隐藏状态',
  'lesson.rnn.3': `<p>图表下方的<strong>窗口内的隐藏状态</strong>画的就是 <var>h</var><sub><var>t</var></sub> 本身：
每一步一列，每个单元一行（蓝色为 +1，橙色为 −1）。每读入一个值，它就变化一次；最后一列就是
<var>V</var> 能看到的全部。</p>
<p>一条正弦波真的需要 8 个数的记忆吗？把<strong>隐藏状态</strong>设为 <strong>4</strong>（会换一个新模型），
再训练：现在只有 4 行，<var>U</var> 是 4×4 的。</p>`,
  'lesson.rnn.3.check': '使用最多 {units} 个单元的隐藏状态，一直训练到验证损失低于 {value}。',
  'lesson.rnn.3.done': '四个数就足以把这条波从一步带到下一步。',

  'lesson.rnn.4.title': '一个更难的序列',
  'lesson.rnn.4': `<p>单一的正弦波非常规则。勾选<strong>混入第二个频率</strong>：序列变成两条波叠加在一起，
它的图样要隔很久才会重复一次。</p>
<p>再训练一次。现在隐藏状态要同时记住两种节奏：看看它的各行在窗口里怎样变化。</p>`,
  'lesson.rnn.4.check': '混入第二个频率，一直训练到验证损失低于 {value}。',
  'lesson.rnn.4.done': '在双频序列上降到了 {value} 以下。',

  'lesson.rnn.5.title': '挑战：只有两个数的记忆',
  'lesson.rnn.5': `<p><strong>挑战：</strong>用最多 <strong>2</strong> 个单元的隐藏状态预测双频序列，
让验证损失低于 <strong>0.002</strong>。这一步从 8 个单元开始。</p>
<p>一个单元做不到：一个数装不下两种节奏。两个可以，但在学习率 0.01 下学得很慢：试试更大的
学习率。改变隐藏状态的大小会换一个新模型。</p>`,
  'lesson.rnn.5.check': '在混合序列上，用最多 {units} 个单元的隐藏状态，让验证损失低于 {value}。',
  'lesson.rnn.5.done': '两个数的记忆带住了两条波，降到了 {value} 以下。',
};
