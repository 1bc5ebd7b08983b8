// 课程 `testing` 的文字（lessons/testing.js），简体中文：封存的测试集只评估
// 一次，以及为什么不能用它来挑设置。与 testing.en.js 的键相同。

export default {
  'lesson.testing.title': '测试：一个诚实的分数',
  'lesson.testing.f.acc': '准确率',
  'lesson.testing.f.rows': '个点',
  'lesson.testing.f.sealed': '封存中',
  'lesson.testing.f.hidden': '隐藏层',
  'lesson.testing.f.units': '单元数',

  'lesson.testing.1.title': '三份数据，三种用途',
  'lesson.testing.1': `<p>这 200 个点一开始就被随机分成互不相交的三份：140 个<span class="train-text">训练点</span>、30 个<strong>验证</strong>点（菱形），以及 30 个封存起来的<strong>测试</strong>点。</p>
<p>每一份只干一件事。训练点用来调整权重。验证点是<em>你</em>做选择的依据：学习率、网络层数、什么时候停。测试点在最后给出一个诚实的分数，评的是你最终选定的模型。</p>
<p>按<strong>播放</strong>，看验证准确率往上涨（上方的“验证准确率”，以及“损失”面板下面那张图）。</p>`,
  'lesson.testing.1.check': '一直训练，直到验证准确率达到 {value} %。',
  'lesson.testing.1.done': '{value} % 的验证点分对了。',

  'lesson.testing.2.title': '打开封存',
  'lesson.testing.2': `<p>模型在新的点上也能做到这么好吗？验证点从没参与训练，可你马上就要拿它们来做选择，而一个被拿来做选择的分数，会渐渐不再是公正的裁判。</p>
<p>先暂停训练（就是“播放”那个按钮），然后按<strong>在测试集上评估</strong>，只按一次。
“评估”面板会用这一步的权重，也就是屏幕上的这组权重，给 30 个测试点打分。</p>
<p>比较这两个分数。它们会差一点：只有 30 个点，一个点就是 3.3 %，而哪些点落进哪一份，全凭运气。</p>`,
  'lesson.testing.2.check': '先暂停，再在测试集上评估。',
  'lesson.testing.2.done': '测试完毕：这是这个模型的一个诚实的分数。',

  'lesson.testing.3.title': '用验证集来选',
  'lesson.testing.3': `<p>假设你现在试了十种设置，留下<em>测试</em>分数最高的那一种。它领先的一部分其实是在那 30 个点上碰了运气，而你恰恰是因为这份运气选中了它：它的测试分数好得不真实。测试集就变成了第二个验证集，再也没有什么能告诉你模型在新数据上表现如何。</p>
<p>所以要用验证集来比较。改一下<strong>隐藏层</strong>（试试 2，或者 16, 16）：一个新模型开始训练，它的测试集重新封存。训练它 300 次更新，把它的验证准确率和第一个模型比一比。</p>`,
  'lesson.testing.3.check': '改变隐藏层，并把新模型训练至少 {n} 次更新。',
  'lesson.testing.3.done': '第二个模型，用验证集来评判；它的测试集仍然封存着。',

  'lesson.testing.4.title': '挑战：用验证集来选',
  'lesson.testing.4': `<p>换一个更难的数据集：两条互相缠绕的螺旋。只用 <var>x</var><sub>1</sub> 和 <var>x</var><sub>2</sub>、一层 8 个单元，在它上面走不了多远。</p>
<p><strong>挑战：</strong>隐藏单元总数最多 <strong>8</strong> 个，凭验证集来选择<strong>输入特征</strong>和隐藏层，直到验证准确率至少达到 <strong>90 %</strong>。测试集暂时还封存着。</p>`,
  'lesson.testing.4.check': '隐藏单元最多 {maxUnits} 个，验证准确率达到 {value} %。',
  'lesson.testing.4.done': '只凭验证集选好了。下一步：只看一次。',

  'lesson.testing.5.title': '挑战：只看一次',
  'lesson.testing.5': `<p>模型已经选定。现在，也只有现在，才轮到测试集。在验证准确率不低于 <strong>90 %</strong> 的时候暂停训练，然后按<strong>在测试集上评估</strong>，<strong>只按一次</strong>。</p>
<p>对同一个模型看第二次不算数：想重来，就按<strong>重置</strong>，重新训练。</p>`,
  'lesson.testing.5.check': '隐藏单元最多 {maxUnits} 个、验证准确率达到 {value} % 时暂停，然后在测试集上只评估一次（看第二次不算数：按“重置”重来）。',
  'lesson.testing.5.done': '凭验证集选定，只测试了一次：这个测试分数才是该报告的那一个。',
};
