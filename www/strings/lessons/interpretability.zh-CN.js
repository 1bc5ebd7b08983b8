// 课程 `interpretability` 的文字（lessons/interpretability.js），简体中文：
// 文章中“黑箱”的挑战（算法解释性），用打开来看的办法回答。与 interpretability.en.js 的键相同。

export default {
  'lesson.interpretability.title': '打开黑箱看一看',
  'lesson.interpretability.f.hover': '把鼠标指向网络中的一个单元，这里就会显示它的方程。',
  'lesson.interpretability.f.mistakes': '{rows} 张验证图像中有 {n} 张认错',
  'lesson.interpretability.f.truth': '真实值',
  'lesson.interpretability.f.guess': '预测值',

  'lesson.interpretability.1.title': '每个单元都画出一幅图',
  'lesson.interpretability.1': `<p>文章把深度网络称为<strong>黑箱</strong>：它们给出答案，却不说为什么。小的网络是可以打开的。
每个单元都会为平面上的每一个点算出一个数，网络图把它画成单元里的一幅小图。</p>
<p>按<strong>播放</strong>，看着网络学习把两个圆环分开时，这些小图怎样变化。</p>`,
  'lesson.interpretability.1.check': '一直训练，直到验证准确率至少达到 {value} %。',
  'lesson.interpretability.1.done': '至少 {value} % 的验证点分对了。',

  'lesson.interpretability.2.title': '指向一个单元',
  'lesson.interpretability.2': `<p>把鼠标移到网络图中的一个单元上：“输出”面板会把<em>这个单元的</em>输出放大显示，
下面还会出现它的方程，带着它此刻的权重。</p>
<p>第一层的单元是 <var>x</var><sub>1</sub> 和 <var>x</var><sub>2</sub> 加权求和后再取 tanh：在平面上画出一条
柔和的直线。第二层的单元把这些直线组合成一块弯曲的区域，输出再把这些区域组合起来。
请指向<strong>第 2 层</strong>的一个单元。</p>`,
  'lesson.interpretability.2.check': '在网络图中指向第 {layer} 层的一个单元。',
  'lesson.interpretability.2.done': '这就是这个单元学会去寻找的东西。',

  'lesson.interpretability.3.title': '哪些像素重要：显著图',
  'lesson.interpretability.3': `<p>现在换成一个识别 8×8 手写数字的卷积神经网络：单元太多，没法一个一个看。
我们可以换一个问题来问它：<em>哪些像素最能改变它的答案？</em></p>
<p>这就是<strong>显著图</strong>：获胜数字的得分 <var>z</var><sub><var>c</var></sub> 随每个像素变化得有多陡。
按<strong>播放</strong>，然后看图像旁边那张红色的图。</p>`,
  'lesson.interpretability.3.check': '训练手写数字模型，直到验证准确率至少达到 {value} %。',
  'lesson.interpretability.3.done': '至少 {value} %。红色的像素就是它的答案所依赖的地方。',

  'lesson.interpretability.4.title': '模型犯的错',
  'lesson.interpretability.4': `<p>最下面的<strong>它认错的图像</strong>列出了模型认错的验证集数字，附上它的
预测值和真实值。错误比分数更能说明一个模型。</p>
<p>点击其中一张。面板会显示它的各类概率和显著图：是这个数字写得太潦草，还是
模型看错了笔画？</p>`,
  'lesson.interpretability.4.check': '点击一张模型认错的图像。',
  'lesson.interpretability.4.done': '比较一下真实类别的概率和预测类别的概率。',

  'lesson.interpretability.5.title': '挑战：一个看得懂的网络',
  'lesson.interpretability.5': `<p><strong>挑战：</strong>用最多 <strong>3</strong> 个隐藏单元分开圆形数据，验证准确率至少达到
<strong>95 %</strong>，然后指向其中一个单元。这一步从两个各有 8 个单元的隐藏层（8, 8）开始。</p>
<p>三条直线就能把一个圆环围起来，所以三个单元可能就够了；这样每个单元都是一条直线，你能在
网络图里看到它，也能从它的方程里读懂它。</p>`,
  'lesson.interpretability.5.check': '用最多 {maxUnits} 个隐藏单元达到 {value} %，然后指向一个隐藏单元。',
  'lesson.interpretability.5.done': '这个网络的每个单元都是一条你能读懂的直线。',
};
