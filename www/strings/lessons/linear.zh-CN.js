// 课程 `linear` 的文字（lessons/linear.js），简体中文：文章自己的例子，讲给学生听。
// 每一步的正文是写在这里的 HTML，从不取自数据；公式、变量名和数字与
// linear.en.js 完全相同。

export default {
  'lesson.linear.title': '线性回归',
  'lesson.linear.1.title': '穿过四个点的一条直线',
  'lesson.linear.1': `<p><strong>线性模型</strong>根据两个输入预测一个数：
<var>ŷ</var> = <var>w</var><sup>T</sup><var>x</var> + <var>b</var> = <var>w</var><sub>1</sub><var>x</var><sub>1</sub> + <var>w</var><sub>2</sub><var>x</var><sub>2</sub> + <var>b</var>。</p>
<p>它从文章里的四个<span class="train-text">训练点</span>学习：<var>X</var> = [[1, 2], [2, 3], [3, 4], [4, 5]]，
目标值 <var>y</var> = [1, 2, 3, 4]。模型错得有多厉害，用<strong>损失</strong>来衡量，这里是均方误差
<var>J</var> = (1/<var>n</var>) Σ (<var>ŷ</var><sub><var>i</var></sub> − <var>y</var><sub><var>i</var></sub>)<sup>2</sup>，对 <var>n</var> = 4 个点取平均。</p>
<p>按<strong>单步</strong>，就在全部四个点上做一次梯度下降的更新；按<strong>播放</strong>，它就一直训练下去。
看着损失往下降，圆环（预测值）一点点落到圆点（目标值）上。</p>`,
  'lesson.linear.1.check': '一直训练，直到训练损失低于 {value}。',
  'lesson.linear.1.done': '损失已经低于 {value}：这条直线拟合了这些点。',

  'lesson.linear.2.title': '文章里的学习率',
  'lesson.linear.2': `<p>每次更新都是 <var>w</var> ← <var>w</var> − <var>α</var>∇<var>J</var>：朝下坡方向走一步，步子迈多大由
<strong>学习率</strong> <var>α</var> 决定。文章用的是 <var>α</var> = 0.1。请在学习率里输入 <strong>0.1</strong>，然后训练。</p>
<p>在这组数据上，每次更新都会冲过最低点，而且一次比一次冲得远，损失就爆炸了。
对二次的损失函数，梯度下降只有在 <var>α</var> &lt; 2 / <var>λ</var><sub>max</sub> 时才收敛，其中
<var>λ</var><sub>max</sub> 是 <var>J</var> 最陡方向上的曲率（它的 Hessian 矩阵的最大特征值）。引擎为这组数据算出了它：</p>`,
  'lesson.linear.2.check': '把学习率设为 0.1，一直训练到损失发散。',
  'lesson.linear.2.done': '发散了：0.1 超过了最大的稳定学习率。',

  'lesson.linear.3.title': '一个能收敛的学习率',
  'lesson.linear.3': `<p>现在把学习率调回上限以下，比如 <strong>0.01</strong>，按<strong>重置</strong>
（发散后的权重已经不是数了），再训练一次。</p>
<p>这些输入是共线的（每一行都有 <var>x</var><sub>2</sub> = <var>x</var><sub>1</sub> + 1），所以数据只能确定
<var>w</var><sub>1</sub> + <var>w</var><sub>2</sub> 和 <var>w</var><sub>2</sub> + <var>b</var>。“参数”表把这些权重和范数最小的
最小二乘解放在一起比较：从零权重出发的梯度下降，最后落到的正是这个解。</p>`,
  'lesson.linear.3.check': '用一个稳定的学习率训练，直到训练损失低于 {value}。',
  'lesson.linear.3.done': '收敛了：损失已经低于 {value}。',

  'lesson.linear.4.title': '在新的点上测试',
  'lesson.linear.4': `<p>文章用两个<span class="test-text">模型从没训练过的点</span>来测试它：
[5, 6] 应该得到 5，[6, 7] 应该得到 6。</p>
<p>按一次<strong>在测试集上评估</strong>。测试误差告诉我们，这条直线在没见过的数据上表现如何。</p>`,
  'lesson.linear.4.check': '在测试集上评估模型。',
  'lesson.linear.4.done': '测试完成：在表格里把预测值和 5、6 比一比。',

  'lesson.linear.5.title': '挑战：越快越好',
  'lesson.linear.5': `<p><strong>挑战：</strong>在最多 <strong>300</strong> 次更新之内，把训练损失降到 0.0001 以下。
学习率为 0.01 时，要花的时间长得多。选一个接近上限、但不超过上限的学习率，按<strong>重置</strong>，然后训练。</p>`,
  'lesson.linear.5.check': '在 {maxSteps} 次更新之内让训练损失低于 {value}（按“重置”可以重来）。',
  'lesson.linear.5.done': '在 {maxSteps} 次更新之内降到了 {value} 以下：贴近上限，又不越过它。',
};
