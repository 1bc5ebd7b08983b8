// 课程 `logistic` 的文字（lessons/logistic.js），简体中文；
// 与 logistic.en.js 的键相同。提到的按钮和面板名称与 strings/zh-CN.js 一致。

export default {
  'lesson.logistic.title': '逻辑回归',
  'lesson.logistic.accuracy': '验证准确率',

  'lesson.logistic.1.title': '从一条直线得到概率',
  'lesson.logistic.1': `<p>现在要回答的不再是一个数，而是一个类别：这个点属于类别 1（<var>y</var> = 1，蓝色）还是类别 0（<var>y</var> = 0，橙色）？<strong>逻辑回归</strong>先算出和线性回归一样的得分<var>z</var> = <var>w</var><sup>T</sup><var>x</var> + <var>b</var>，再用 <strong>sigmoid 函数</strong>σ(<var>z</var>) = 1 / (1 + <var>e</var><sup>−<var>z</var></sup>) 把它压成一个概率：得分很负时接近 0，<var>z</var> = 0 时正好是 0.5，得分很正时接近 1。</p>
<p>按<strong>播放</strong>。现在的损失是交叉熵：模型越是自信地答错，受到的惩罚就越重。看“输出”面板：底色是模型在平面上每一点给出的概率，它会慢慢转过来，直到两团点各自落在自己的颜色上。</p>`,
  'lesson.logistic.1.check': '一直训练，直到验证准确率至少达到 {value} %。',
  'lesson.logistic.1.done': '两团点已经分开了。',

  'lesson.logistic.2.title': '边界是一条直线',
  'lesson.logistic.2': `<p>在 <var>P</var> &gt; 0.5 的地方，模型判为“蓝色”，也就是 <var>z</var> &gt; 0 的地方。所以<strong>决策边界</strong>就是 <var>w</var><sup>T</sup><var>x</var> + <var>b</var> = 0：输入有两个时，它是一条直线。下面用模型自己的权重把它写了出来；勾选“输出”面板上的<strong>离散化</strong>，就能看到它分出的两个半平面。</p>
<p>现在让两类点重叠：把数据的<strong>噪声</strong>拖到 30 % 或更高，再训练一次。这时没有哪条直线能把每个点都分对。逻辑回归仍然把直线放在犯错代价最小的地方，而且越靠近这条线，概率越接近 0.5：模型在告诉你它有多没把握。</p>`,
  'lesson.logistic.2.check': '把噪声调到至少 {noise} %，再训练 {n} 次更新。',
  'lesson.logistic.2.done': '两团点重叠时，最好的直线也难免分错几个点。',

  'lesson.logistic.3.title': '直线做不到的事',
  'lesson.logistic.3': `<p>选择<strong>圆形</strong>数据集：一类点在中间，另一类点围成一圈。训练一会儿。</p>
<p>不管 <var>w</var> 和 <var>b</var> 变成多少，<var>w</var><sup>T</sup><var>x</var> + <var>b</var> = 0 始终是一条直线，而任何直线都会把大约一半的圆环分到错误的一边。准确率停在瞎猜的水平附近，损失也几乎不动：不是模型训练得不好，而是它<em>根本画不出</em>这组数据需要的边界。</p>`,
  'lesson.logistic.3.check': '在圆形数据上训练逻辑回归 {n} 次更新。',
  'lesson.logistic.3.done': '停在瞎猜的水平附近：一条直线分不开一个圆。',

  'lesson.logistic.4.title': '挑战：分开圆形数据',
  'lesson.logistic.4': `<p><strong>挑战：</strong>模型仍然用逻辑回归，在圆形数据上让验证准确率至少达到 <strong>90 %</strong>。</p>
<p>模型对它的<em>输入</em>是线性的，而输入由你来选。一个圆是<var>x</var><sub>1</sub><sup>2</sup> + <var>x</var><sub>2</sub><sup>2</sup> = <var>r</var><sup>2</sup>：哪些<strong>输入特征</strong>能让一个加权和画出圆来？在“数据”面板里勾选它们，然后训练。下面的边界仍然是“各特征的加权和等于 0”，但画在平面上，它已经不再是一条直线了。</p>`,
  'lesson.logistic.4.check': '用逻辑回归模型，在圆形数据上让验证准确率达到 {value} %。',
  'lesson.logistic.4.done': '分开了：有了平方特征，线性模型也能画出一个圆。',
};
