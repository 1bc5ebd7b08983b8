// 课程 `cnn` 的文字（lessons/cnn.js），简体中文：8×8 手写数字上的卷积神经网络，
// 它的卷积核、ReLU 特征图和池化。与 cnn.en.js 的键相同。

export default {
  'lesson.cnn.title': '卷积神经网络',
  'lesson.cnn.f.params': '{n} 个参数',
  'lesson.cnn.f.maps': '{n} 张特征图',
  'lesson.cnn.f.val': '验证准确率',
  'lesson.cnn.f.filters': '卷积核',

  'lesson.cnn.1.title': '卷积核在图像上滑动',
  'lesson.cnn.1': `<p>每个数字都是一张 8×8 的墨迹图像。全连接层会给每个像素一个自己的权重。<strong>卷积</strong>层则学习一些很小的<strong>卷积核</strong>（这里有 8 个），每个只有 3×3 个权重和一个偏置，并让它在整张图像上滑动：在每个位置，把它下面的 9 个像素加权求和，<var>z</var> = <var>x</var> ∗ <var>W</var> + <var>b</var>。</p>
<p>这样，同一个卷积核不管笔画（一条边、一个拐角）出现在图像的哪里都能找到它，它在各处算出的和组成一张<strong>特征图</strong>。</p>
<p>按<strong>播放</strong>。验证准确率上升的同时，看<em>第一个卷积层的卷积核</em>渐渐成形。</p>`,
  'lesson.cnn.1.check': '一直训练，直到验证准确率达到 {value} %。',
  'lesson.cnn.1.done': '{value} % 的验证数字认对了。',

  'lesson.cnn.2.title': 'ReLU：留下被激活的',
  'lesson.cnn.2': `<p>每个和接着通过文章里的 <strong>ReLU</strong>：<var>f</var>(<var>x</var>) = max(0, <var>x</var><var>W</var> + <var>b</var>)。负的和变成 0，正的原样通过。于是一张特征图在卷积核找到它那种笔画的地方是蓝色，没找到的地方是 0。</p>
<p>在画板上<strong>画一个数字</strong>，画大一点，把画板填满。<em>这张图像的特征图</em>现在就是你这幅画的了，一行一行依次是：卷积算出的和、经过 ReLU 之后、池化之后。公式数出有多少个和被 ReLU 置成了 0，右边的条形图显示模型认出的是什么。</p>`,
  'lesson.cnn.2.check': '在画板上画一个数字。',
  'lesson.cnn.2.done': '你的画已经走过了整个网络：上面是它的特征图和模型的答案。',

  'lesson.cnn.3.title': '池化，以及需要几个卷积核',
  'lesson.cnn.3': `<p><strong>最大池化</strong>在每个 2×2 的小块里只留下最大的值：特征图缩成 4×4，笔画偏了一个像素也照样算数。池化后的 8 张图共 128 个数，送进一个全连接层，每个数字对应一个输出，再由 softmax 把这些输出变成概率。</p>
<p>每个卷积核就是一个笔画探测器。到底需要几个？把<strong>卷积核</strong>数设为 <strong>2</strong>（会开始训练一个新模型），然后训练它。</p>`,
  'lesson.cnn.3.check': '卷积核最多 {filters} 个，验证准确率达到 {value} %。',
  'lesson.cnn.3.done': '两个笔画探测器就已经够达到 {value} % 了。',

  'lesson.cnn.4.title': '挑战：98 %',
  'lesson.cnn.4': `<p>回到 8 个卷积核、<var>α</var> = 0.01：这个模型停在 97 % 左右就上不去了。</p>
<p><strong>挑战：</strong>在 <strong>1000</strong> 次更新之内让验证准确率达到 <strong>98 %</strong>。选好学习率和卷积核的个数，按<strong>重置</strong>，再按<strong>播放</strong>。</p>`,
  'lesson.cnn.4.check': '在 {maxSteps} 次更新之内让验证准确率达到 {value} %（按“重置”重新来）。',
  'lesson.cnn.4.done': '{maxSteps} 次更新之内达到 {value} %：卷积核、ReLU 和池化读懂了手写字。',
};
