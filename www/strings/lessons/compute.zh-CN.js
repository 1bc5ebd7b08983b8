// 课程 `compute` 的文字（lessons/compute.js），简体中文：训练的代价，数出来，也测出来。
// 与 compute.en.js 的键相同。

export default {
  'lesson.compute.title': '算力的代价',
  'lesson.compute.f.params': '个参数',
  'lesson.compute.f.perStep': '次浮点运算 / 步',
  'lesson.compute.f.steps': '步',
  'lesson.compute.f.notYet': '还没有低于 {value}',
  'lesson.compute.f.speed': '速度：每帧 {speed} 次更新',
  'lesson.compute.f.perSecond': '步 / 秒',
  'lesson.compute.f.paused': '只在训练时测量：请按“播放”',
  'lesson.compute.f.accuracy': '验证准确率',

  'lesson.compute.1.title': '一步要花多少',
  'lesson.compute.1': `<p>文章提到的第三个挑战是<strong>算力</strong>：大模型的训练非常昂贵。这个代价是可以数出来的。前向传播时，每个权重对每一行数据做一次乘法和一次加法，也就是 2 次<strong>浮点运算</strong>（FLOPs）；反向传播大约是它的两倍；而一步训练要对一个批次的 <var>B</var> 行数据都做一遍。</p>
<p>引擎精确地数出了这个网络的 <var>F</var>。现在在<strong>隐藏层</strong>里输入 <strong>64, 64</strong>，看看 <var>P</var> 和 <var>F</var> 怎样变化。</p>`,
  'lesson.compute.1.check': '把网络变大，让一步至少花 {min} 次浮点运算（隐藏层设为 64, 64）。',
  'lesson.compute.1.done': '这个网络走一步，比 4 个单元的网络贵几百倍。',

  'lesson.compute.2.title': '大网络，训练到目标',
  'lesson.compute.2': `<p>按<strong>播放</strong>，一直训练到验证损失低于 <strong>0.02</strong>。</p>
<p><var>N</var> 是走过的步数，<var>N</var> · <var>F</var> 是花掉的运算次数。损失达到目标时，<var>N</var>* 是它第一次低于目标的那一步，<var>N</var>* · <var>F</var> 就是达到目标的代价。把它记下来。</p>`,
  'lesson.compute.2.check': '训练这个大网络，直到验证损失低于 {value}。',
  'lesson.compute.2.done': '达到了。记下 N* · F：达到目标所用的运算次数。',

  'lesson.compute.3.title': '这台电脑跑得多快',
  'lesson.compute.3': `<p>运算次数要通过<strong>速率</strong>才变成时间：每秒 <var>R</var> 步，这取决于你的电脑。页面每帧最多训练<strong>速度</strong>所设的那么多次更新，所以把<strong>速度</strong>拉到最高，<strong>1000</strong>，再按<strong>播放</strong>：现在决定快慢的是引擎，而不是页面。</p>
<p><var>F</var> · <var>R</var> 是这台电脑每秒完成的运算；<var>N</var>* / <var>R</var> 是按这个速率达到目标所需的时间。两个都记下来。</p>`,
  'lesson.compute.3.check': '把速度设为每帧 {speed} 次更新，让大网络再训练一会儿。',
  'lesson.compute.3.done': '测好了。记下 R 和 F · R。',

  'lesson.compute.4.title': '小网络，训练到同一个目标',
  'lesson.compute.4': `<p>现在把<strong>隐藏层</strong>改回 <strong>4</strong>，按<strong>播放</strong>，训练到同样的损失 0.02。</p>
<p>它要多走很多步，但每一步都便宜得多。把它的 <var>N</var>* · <var>F</var> 和大网络的比一比：同样的结果，只用了一小部分运算。</p>`,
  'lesson.compute.4.check': '用每步最多 {max} 次浮点运算的网络，训练到验证损失低于 {value}。',
  'lesson.compute.4.done': '同样的损失，运算却少得多。',

  'lesson.compute.5.title': '运算少了，时间却没少',
  'lesson.compute.5': `<p>再把<strong>速度</strong>设为 <strong>1000</strong>，按<strong>播放</strong>。</p>
<p>这里每一步便宜了几百倍，可 <var>R</var> 并没有快几百倍，<var>F</var> · <var>R</var> 也远低于大网络：对一个很小的网络来说，大部分时间花在算术之外的杂事上（在这里还包括页面自己的画面帧）。大模型让处理器一直忙于算术，所以它们的时间跟着运算次数走：这正是训练大模型如此昂贵的原因。</p>`,
  'lesson.compute.5.check': '把速度设为每帧 {speed} 次更新，让小网络再训练一会儿。',
  'lesson.compute.5.done': '把 R 和 F · R 与大网络的比一比。',

  'lesson.compute.6.title': '挑战：一百万次的预算',
  'lesson.compute.6': `<p><strong>挑战：</strong>在螺旋数据上达到至少 <strong>90 %</strong> 的验证准确率，而训练最多只花<strong>1 MFLOP</strong>（一百万次运算）。现在的设置，也就是带正弦特征的“螺旋”预设，大约要花 2 MFLOP。</p>
<p>要么让每一步更省（更少或更小的层、更小的批次），要么少走几步（更合适的学习率）。如果预算先用完了，就改点什么，或者按<strong>重置</strong>。</p>`,
  'lesson.compute.6.check': '在 {mflops} MFLOP 的训练之内达到 {value} % 的验证准确率（按“重置”可以重来）。',
  'lesson.compute.6.done': '螺旋，在预算之内。',
};
