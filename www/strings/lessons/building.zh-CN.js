// 课程 `building` 的文字（lessons/building.js），简体中文；
// 与 building.en.js 的键相同。提到的按钮和面板名称与 strings/zh-CN.js 一致。
// 段落写在一行里：在两个汉字之间换行，浏览器会显示成一个空格。

export default {
  'lesson.building.title': '搭建模型',
  'lesson.building.accuracy': '验证准确率',
  'lesson.building.parameters': '{n} 个参数',

  'lesson.building.1.title': '直线无能为力的地方',
  'lesson.building.1': `<p><strong>异或</strong>：<var>x</var><sub>1</sub> 和 <var>x</var><sub>2</sub> 同号的地方是蓝色，异号的地方是橙色，所以两类点分别占据相对的两个角。模型是第 3 课的逻辑回归：<var>z</var> = <var>w</var><sub>1</sub><var>x</var><sub>1</sub> + <var>w</var><sub>2</sub><var>x</var><sub>2</sub> + <var>b</var>。</p>
<p>按<strong>播放</strong>，让它训练。没有哪条直线能把两个蓝色角放在一边、两个橙色角放在另一边，所以准确率在 50 % 上下徘徊，跟抛硬币差不多。想做得更好，模型需要的不只是一条直线。办法有两种。</p>`,
  'lesson.building.1.check': '在异或数据上训练逻辑回归 {n} 次更新。',
  'lesson.building.1.done': '停在抛硬币的水平：异或不是线性可分的。',

  'lesson.building.2.title': '办法一：特征交叉',
  'lesson.building.2': `<p>两类点的区别在于乘积 <var>x</var><sub>1</sub><var>x</var><sub>2</sub> 的<em>正负号</em>：在蓝色的角上为正，在橙色的角上为负。那就把这个乘积作为一个新的输入交给模型，这叫<strong>特征交叉</strong>。</p>
<p>在“数据”面板的<strong>输入特征</strong>里勾选 <strong>x<sub>1</sub>x<sub>2</sub></strong>，然后按<strong>播放</strong>。模型仍然是线性的，每个输入一个权重，变的只是输入。只多了一个参数，异或就解决了。</p>`,
  'lesson.building.2.check': '仍用逻辑回归，加上交叉特征 x1·x2，让验证准确率达到 {value} %。',
  'lesson.building.2.done': '解决了：靠的是一个知道该加哪个特征的人。',

  'lesson.building.3.title': '办法二：隐藏层',
  'lesson.building.3': `<p>特征交叉需要有人猜出该用哪个特征。<strong>隐藏层</strong>则自己学出特征：每个隐藏单元画一条关于 <var>x</var><sub>1</sub> 和 <var>x</var><sub>2</sub> 的直线，再用 ReLU，即 max(0, ·)，把它折弯；输出层就是在这些单元上做的一个逻辑回归。</p>
<p>输入已经换回 <var>x</var><sub>1</sub>、<var>x</var><sub>2</sub>。把<strong>类型</strong>设为神经网络（4 个隐藏单元），按<strong>播放</strong>。在“网络”面板里，每个单元的小图就是它的一条直线，输出把它们组合起来。</p>`,
  'lesson.building.3.check': '只用 x1 和 x2 作输入，训练一个神经网络，在异或数据上让验证准确率达到 {value} %。',
  'lesson.building.3.done': '隐藏单元自己找到了那几个角，代价是更多的参数。',

  'lesson.building.4.title': '要多少个单元？',
  'lesson.building.4': `<p>现在换成圆形数据，隐藏层只有 <strong>2</strong> 个单元。按<strong>播放</strong>：两条直线只能从平面上切出一个楔形，围不成一块封闭的区域，准确率停在八十几。</p>
<p>每个单元给边界添一条直边。在<strong>隐藏层</strong>（每层的单元数）里填一个更大的数，比如 4，再训练一次。把下面的参数个数和第 3 课比一比：在那里，两个平方特征加一条直线，只用 5 个参数就做到了。</p>`,
  'lesson.building.4.check': '只用 x1 和 x2，给网络足够多的隐藏单元，在圆形数据上达到 {value} %。',
  'lesson.building.4.done': '边足够多，就能把圆围成一块封闭的区域。',

  'lesson.building.5.title': '挑战：螺旋',
  'lesson.building.5': `<p><strong>挑战：</strong>分开<strong>螺旋</strong>数据，验证准确率至少 <strong>90 %</strong>，隐藏单元总共<strong>最多 8 个</strong>。</p>
<p>只用 <var>x</var><sub>1</sub> 和 <var>x</var><sub>2</sub> 时，8 个单元大约只能画出 8 条边，对两条互相缠绕的旋臂来说太少了。把两种办法结合起来：哪些<strong>输入特征</strong>本身就会一圈一圈地变化，好让隐藏单元少干点活？</p>`,
  'lesson.building.5.check': '用最多 {maxUnits} 个隐藏单元，在螺旋数据上让验证准确率达到 {value} %。',
  'lesson.building.5.done': '好的特征加上几个隐藏单元：螺旋分开了。',
};
