// 课程 `backprop` 的文字（lessons/backprop.js），简体中文：把一个小网络的
// 一次更新拆开来看，先前向、再反向。与 backprop.en.js 的键相同。

export default {
  'lesson.backprop.title': '训练：前向传播与反向传播',

  'lesson.backprop.1.title': '网络的前向传播',
  'lesson.backprop.1': `<p>这个网络有 2 个输入、一个由 4 个 <strong>tanh</strong> 单元组成的隐藏层和 1 个输出。<strong>前向</strong>计算时，每个单元先把输入加权求和，<var>z</var> = <var>x</var><var>W</var> + <var>b</var>，再把这个和压缩一下；输出单元用 sigmoid 函数 σ 把它的和变成 <var>ŷ</var>，也就是属于橙色类别的概率。</p>
<p>把鼠标指向“网络”面板里的一个单元，可以看到它在整个平面上的取值。训练反复做同一件事：<var>w</var> ← <var>w</var> − <var>α</var>∇<var>J</var>。为此网络需要梯度 ∇<var>J</var>，也就是损失随它的 17 个权重和偏置各自怎样变化。<strong>反向传播</strong>只需倒着走一遍，就能把它们全部算出来。</p>
<p>按一次<strong>单步</strong>：所有权重各更新一次。接下来的几步会把这次更新拆开来看。</p>`,
  'lesson.backprop.1.check': '按一次“单步”，完成一次更新。',
  'lesson.backprop.1.done': '已经完成一次更新。',

  'lesson.backprop.2.title': '一个点，一步一步',
  'lesson.backprop.2': `<p>拿一个训练点走一遍网络：输入它的行号（0 是 140 个训练点中的第一个），然后按<strong>追踪这一行</strong>。<strong>前向</strong>阶段显示每个单元对这个点算出的值。</p>
<p>按<strong>下一阶段</strong>进入<strong>损失</strong>：<var>ŷ</var> 离这个点的类别 <var>y</var> 有多远。接着是<strong>反向</strong>和<strong>更新</strong>，后面两步会解释它们。</p>`,
  'lesson.backprop.2.check': '追踪一个训练点，把它的各个阶段一直走到更新。',
  'lesson.backprop.2.done': '追踪完毕：前向、损失、反向、更新。',

  'lesson.backprop.3.title': '反向：链式法则',
  'lesson.backprop.3': `<p>在<strong>反向</strong>阶段（再按几次“下一阶段”，绕回来），每个单元显示<var>δ</var> = ∂<var>J</var>/∂<var>z</var>：损失随这个单元的和 <var>z</var> 变化得有多快。</p>
<p>在输出单元，<var>δ</var> = <var>ŷ</var> − <var>y</var>。隐藏单元的 <var>δ</var> 由<strong>链式法则</strong>得到：输出的 <var>δ</var> × 两者之间的权重 × tanh 在那里的斜率。一条边的梯度等于它起点的值 × 它终点的<var>δ</var>。把鼠标指向它们，就能看到具体的数。</p>
<p>算得对吗？<strong>检验梯度</strong>会把每个权重分别加减 <var>ε</var>，比较损失的变化（有限差分）。</p>`,
  'lesson.backprop.3.check': '检验梯度：有限差分与反向传播的相对误差必须在 {value} 以内。',
  'lesson.backprop.3.done': '反向传播和有限差分的结果一致。',

  'lesson.backprop.4.title': '更新',
  'lesson.backprop.4': `<p><strong>更新</strong>阶段显示每个权重更新前后的值：它移动了 −<var>α</var> 乘以它的梯度。</p>
<p>引擎只会执行它接下来要走的那一步，也就是在下一个 10 个点的小批量上的那一步。按<strong>下一个小批量</strong>，把它走到更新阶段，再按<strong>执行这次更新</strong>。步数加了一：这就是你亲手完成的一步训练。</p>`,
  'lesson.backprop.4.check': '追踪下一个小批量，并执行它的更新。',
  'lesson.backprop.4.done': '已执行：你亲手完成了一步训练。',

  'lesson.backprop.5.title': '挑战：走很多步',
  'lesson.backprop.5': `<p><strong>播放</strong>就是把你刚才做的事（前向、损失、反向、更新）在一个又一个小批量上重复下去。</p>
<p><strong>挑战：</strong>在 <strong>300</strong> 次更新之内让验证准确率达到 <strong>95 %</strong>。<var>α</var> = 0.03 时每一步都太小，来不及。选一个更大的学习率，按<strong>重置</strong>，再按<strong>播放</strong>。太大的话，每一步又会冲过头。</p>`,
  'lesson.backprop.5.check': '在 {maxSteps} 次更新之内让验证准确率达到 {value} %（按“重置”重新来）。',
  'lesson.backprop.5.done': '{maxSteps} 次更新之内达到 {value} %：许多小步下坡，每一步的方向都由反向传播找到。',
};
