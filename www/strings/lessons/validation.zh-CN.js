// 课程 `validation` 的文字（lessons/validation.js），简体中文：过拟合、
// 早停和最佳检查点。与 validation.en.js 的键相同。

export default {
  'lesson.validation.title': '验证：过拟合与早停',
  'lesson.validation.f.min': '最小',
  'lesson.validation.f.best': '最佳',
  'lesson.validation.f.patience': '耐心值',
  'lesson.validation.f.minDelta': '最小改进',

  'lesson.validation.1.title': '学会了噪声',
  'lesson.validation.1': `<p>这 100 个点带着很多噪声：几乎一半被推离了自己的圆环。网络却很大，两层各 32 个单元，足以让边界绕着每一个<span class="train-text">训练点</span>弯来弯去。</p>
<p><strong>验证点</strong>（菱形）从不参与训练。它们的损失说明模型在没见过的点上表现如何，而这正是我们想要的。</p>
<p>按<strong>播放</strong>，看“损失”面板。训练损失一直在降。验证损失起初也降，随后却<strong>掉头向上</strong>：网络学到的是那 70 个点的噪声，而不是圆环。这就是<strong>过拟合</strong>。</p>`,
  'lesson.validation.1.check': '一直训练，直到验证损失升到它最低值的 {ratio} 倍，而训练损失仍在下降。',
  'lesson.validation.1.done': '过拟合：训练损失还在降，验证损失已经掉头向上。',

  'lesson.validation.2.title': '早停',
  'lesson.validation.2': `<p>那就在验证曲线的谷底停下来。<strong>早停</strong>在每一轮（把 70 个训练点过一遍，这里是 7 次更新）之后计算验证损失，并把最好那一次的权重存一份。如果连续<strong>耐心值</strong> = 5 轮都没有超过它（超过的幅度要大于最小改进 minDelta），训练就停止。</p>
<p>现在会话已经重新开始，早停已打开。按<strong>播放</strong>。停下来时，“损失”面板会说明，一条虚线标出最佳的那一步。</p>`,
  'lesson.validation.2.check': '一直训练，直到早停让训练停下来。',
  'lesson.validation.2.done': '停下来了：验证损失已经连续 5 轮没有改善。',

  'lesson.validation.3.title': '最佳检查点',
  'lesson.validation.3': `<p>训练在最佳点之后又走了 5 轮，所以屏幕上的权重已经有一点过拟合了。引擎保留了最好的那一组。</p>
<p>按“损失”面板下面的<strong>回到最佳权重</strong>。验证损失又变回最好的那个值，“输出”面板上的边界也回到它当时更简单的形状。（测试集总是用这组权重来评分。）</p>`,
  'lesson.validation.3.check': '回到最佳权重。',
  'lesson.validation.3.done': '已回到最佳检查点。',

  'lesson.validation.4.title': '挑战：不用停也不过拟合',
  'lesson.validation.4': `<p>早停又关掉了。治过拟合还有别的办法：用一个小到学不会噪声的网络，或者加上<strong>正则化</strong>惩罚（L2 会把每个权重往 0 拉，边界就保持平滑）。</p>
<p><strong>挑战：</strong>至少训练 <strong>1000</strong> 次更新，最后验证损失要低于<strong>0.5</strong>。改一改隐藏层，或者正则化方式和它的系数，然后按<strong>播放</strong>。（什么都没学会的模型停在 0.69，那可不算数。）</p>`,
  'lesson.validation.4.check': '至少 {n} 次更新之后，验证损失低于 {value}。',
  'lesson.validation.4.done': '{n} 次更新之后验证损失低于 {value}：这个模型没有过拟合。',
};
