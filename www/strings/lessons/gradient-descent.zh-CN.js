// 课程 `gradient-descent` 的文字（lessons/gradient-descent.js），简体中文；
// 与 gradient-descent.en.js 的键相同。提到的按钮和面板名称与 strings/zh-CN.js 一致。

export default {
  'lesson.gradient-descent.title': '梯度下降与学习率',

  'lesson.gradient-descent.1.title': '下坡，一次一步',
  'lesson.gradient-descent.1': `<p>训练其实就是一条规则反复执行：<var>w</var> ← <var>w</var> − <var>α</var>∇<var>J</var>。
<strong>梯度</strong> ∇<var>J</var> 告诉我们，每个权重增大时，损失 <var>J</var> 增长得有多快。
逆着梯度走就是下坡；<strong>学习率</strong> <var>α</var> 决定每一步走多远。</p>
<p>模型还是第 1 课那条穿过文章中四个点的直线，从零权重出发。
按几次<strong>单步</strong>。每按一次就是一次更新：看下面的权重和 <var>J</var> 怎样变化，
圆环（预测值）怎样朝圆点（目标值）升上去。</p>`,
  'lesson.gradient-descent.1.check': '至少按 {n} 次“单步”。',
  'lesson.gradient-descent.1.done': '每一次“单步”都让权重往下坡走了一步，J 也随之变小。',

  'lesson.gradient-descent.2.title': '一次更新的内部',
  'lesson.gradient-descent.2': `<p>现在看看下一次更新的内部。在<strong>一步一步走完一次更新</strong>里，按
<strong>下一个小批量</strong>（这里一个批次就是全部四个点），再按<strong>下一阶段</strong>，一直走到
<em>4 · 更新</em>：依次是预测值、损失、每个权重上的梯度，以及每个权重更新前后的值。</p>
<p>梯度为负，说明这个权重增大时损失会下降，所以更新会让这个权重变大；
每个变化量都等于 −<var>α</var> 乘以它的梯度。<strong>执行这次更新</strong>就真正走出这一步：
下面的权重变化的量，和逐步表格里<em>变化量</em>那一列完全一样。</p>`,
  'lesson.gradient-descent.2.check': '追踪下一个小批量，把它的四个阶段一直走到更新。',
  'lesson.gradient-descent.2.done': '你已经看完了一次完整的更新：前向传播、损失、反向传播、更新。',

  'lesson.gradient-descent.3.title': '太小、正好、太大',
  'lesson.gradient-descent.3': `<p><var>α</var> 该取多大？<strong>赛跑</strong>用相同的数据、从相同的起点训练同一个模型的三个副本，
只有 <var>α</var> 不同：0.001、0.02 和 0.1。</p>
<p>按<strong>全部播放</strong>，看三条损失曲线。
0.001 走得像蜗牛：每一步都太小。0.1 每次都冲过谷底，而且一次比一次冲得远，直到损失爆炸。
中间那个赢了。</p>
<p>下面这一行把它们和仍能收敛的最大学习率 2 / <var>λ</var><sub>max</sub> 放在一起比较，
其中 <var>λ</var><sub>max</sub> 是 <var>J</var> 最陡方向上的曲率（见第 1 课）。引擎为这组数据算出了它。</p>`,
  'lesson.gradient-descent.3.check': '让赛跑一直进行，直到赛道 {diverged} 发散，并且 {steps} 步之后赛道 {winner} 领先。',
  'lesson.gradient-descent.3.done': '赛道 {diverged} 爆炸了；低于上限的赛道 {winner} 领先。',

  'lesson.gradient-descent.4.title': '穿过曲面的路径',
  'lesson.gradient-descent.4': `<p>损失是权重上的一张曲面，训练就是在这张曲面上行走。这一次权重从随机值出发。
<strong>损失曲面</strong>画出了路径的两个主方向所张成的平面上的这张曲面；
线条是权重走过的地方，圆环是它们现在的位置。</p>
<p>按<strong>播放</strong>（慢一点，每帧 2 次更新），看这条路径。它先陡直地落进一条又长又平的山谷，
然后沿着谷底慢慢爬。陡峭的谷壁限制了 <var>α</var> 的大小；平坦的谷底，正是小的 <var>α</var> 要走那么久的原因。</p>
<p>接着试一个接近上限的学习率，比如 0.045，按<strong>重置</strong>，再播放一次：路径会在山谷两壁之间来回折返。</p>`,
  'lesson.gradient-descent.4.check': '一直训练，直到曲面上的路径有 {n} 个点。',
  'lesson.gradient-descent.4.done': '这条路径显示了梯度下降走过的地方。',

  'lesson.gradient-descent.5.title': '挑战：找到边缘',
  'lesson.gradient-descent.5': `<p><strong>挑战：</strong>自己选三个学习率来赛跑，从小到大排列，使得
<strong>赛道 3 发散</strong>、<strong>赛道 2 获胜</strong>，并且赛道 3 最多比赛道 2 大 <strong>25 %</strong>。</p>
<p>最好的学习率就在悬崖边上，稍大一点就会掉下去：用下面给出的上限。
在<strong>取值</strong>里输入你的三个学习率，用逗号隔开，按<strong>开始赛跑</strong>，再按<strong>全部播放</strong>。</p>`,
  'lesson.gradient-descent.5.check': '用三个学习率赛跑，从小到大：赛道 {diverged} 发散，{steps} 步之后赛道 {winner} 领先，并且赛道 {diverged} 最多比赛道 {winner} 大 {percent} %。',
  'lesson.gradient-descent.5.done': '找到了：稳定的边缘就在赛道 {winner} 和赛道 {diverged} 之间。',
};
