// 课程 `preprocessing` 的文字（lessons/preprocessing.js），简体中文；
// 与 preprocessing.en.js 的键相同。提到的按钮和面板名称与 strings/zh-CN.js 一致。
// 段落写在一行里：在两个汉字之间换行，浏览器会显示成一个空格。第 4 步的
// 文件是数据，一行一个学生，换行必须保留。

export default {
  'lesson.preprocessing.title': '数据预处理',
  'lesson.preprocessing.normalize.none': '原始输入',
  'lesson.preprocessing.normalize.standard': '标准化后的输入',
  'lesson.preprocessing.normalize.minmax': '缩放到 [−1, 1] 的输入',
  'lesson.preprocessing.accuracy': '验证准确率',
  'lesson.preprocessing.file.rows': '行数：文件中 {rows} 行，使用 {used} 行（删除 {dropped} 行，填充 {filled} 个单元格）',
  'lesson.preprocessing.file.inputs': '输入：{names}',

  'lesson.preprocessing.1.title': '再试一次文章的学习率',
  'lesson.preprocessing.1': `<p>回到文章里的四个点和它的学习率 α = 0.1。在第 1 课里，这个学习率让训练爆炸了，我们只好换了一个小得多的。但问题不全在学习率上，还在于<em>输入</em>。</p>
<p>下面是引擎算出的、仍能收敛的最大学习率 2 / <var>λ</var><sub>max</sub>，针对的是模型实际看到的输入，这里就是原始输入。0.1 超过了它。按<strong>播放</strong>，看损失一路上升，直到发散。</p>`,
  'lesson.preprocessing.1.check': '按“播放”，让 α = 0.1 在原始输入上发散。',
  'lesson.preprocessing.1.done': '发散了：在原始输入上，α = 0.1 太大了。',

  'lesson.preprocessing.2.title': '同样的数据、同样的 α，只改一处',
  'lesson.preprocessing.2': `<p>输入的取值在 1 到 5 之间，都离 0 很远，于是权重和偏置互相牵制：损失曲面变成一条又长又窄的山谷，步子一大就会冲过头。</p>
<p><strong>归一化</strong>在训练之前先处理输入。<em>标准化</em>把每一列平移到均值为 0，再除以它的离散程度：<var>x</var>′ = (<var>x</var> − <var>μ</var>) / <var>σ</var>，其中 <var>μ</var> 和 <var>σ</var> 只在训练集的行上计算。</p>
<p>赛跑用 α = 0.1 训练两个副本：赛道 1 用原始输入，赛道 2 用标准化后的输入。按<strong>全部播放</strong>。</p>`,
  'lesson.preprocessing.2.check': '让赛跑一直进行，直到赛道 {diverged} 发散，并且 {steps} 步之后赛道 {winner} 领先、损失低于 0.001。',
  'lesson.preprocessing.2.done': '原始输入下 α = 0.1 爆炸了；标准化之后，同样的 α 收敛了。',

  'lesson.preprocessing.3.title': '为什么有效：上限变了',
  'lesson.preprocessing.3': `<p>现在把模型自己的输入也标准化：在“数据”面板里把<strong>归一化</strong>设为标准化，看下面引擎算出的上限怎样变化。这已经不是原来那条山谷了。</p>
<p>然后按<strong>播放</strong>：同样的 α = 0.1 现在远在上限之内，损失几十次更新就降下来了。</p>`,
  'lesson.preprocessing.3.check': '把输入标准化，一直训练到训练损失低于 {value}。',
  'lesson.preprocessing.3.done': '同样的数据、同样的学习率：标准化之后，它收敛了。',

  'lesson.preprocessing.4.title': '一份乱糟糟的文件',
  'lesson.preprocessing.4': `<p>真实的数据很少这么整齐。下面是 30 个学生：学习时长（小时）、睡眠（小时）、每天看手机的分钟数、所在学校，以及是否通过考试。把它全部复制下来：</p>
<textarea readonly rows="5" cols="34" spellcheck="false" aria-label="文件：学生数据，每行一个学生">学习时长,睡眠,手机,学校,通过
3.0,5.0,135,南校,否
2.1,4.8,135,东校,否
10.1,,250,北校,是
2.8,6.9,95,北校,否
9.2,5.7,15,东校,是
9.0,8.1,70,北校,是
3.8,7.3,NA,南校,否
1.4,7.2,220,南校,否
1.4,8.7,285,东校,否
9.3,4.5,100,东校,是
2.5,6.4,100,南校,否
1.4,?,95,东校,否
十一,5.4,140,北校,是
7.2,6.5,65,南校,是
2.6,6.0,275,北校,否
7.9,5.7,,东校,是
9.6,5.0,65,南校,是
5.3,4.7,230,北校,否
9.9,8.8,245,东校,是
10.6,NA,100,南校,是
10.6,8.0,140,东校,是
9.9,5.8,90,南校,是
4.3,6.5,125,南校,否
11.0,7.1,150,北校,是
1.1,5.3,?,北校,否
3.9,4.7,275,东校,否
3.6,9.0,215,北校,否
0.9,6.4,85,东校,否
9.8,8.2,165,北校,是
0.8,5.6,85,东校,否</textarea>
<p>在<strong>你的数据</strong>面板里展开<strong>粘贴 CSV 文本</strong>，粘贴进去，再按<strong>载入粘贴的文本</strong>。引擎会拒绝这个文件，并指出是哪一行、哪一个单元格：有个学生的学习时长被写成了汉字。在粘贴框里把这个单元格改成数字 11，再载入一次。</p>`,
  'lesson.preprocessing.4.check': '粘贴文件，改好引擎指出的单元格，然后载入。',
  'lesson.preprocessing.4.done': '载入成功：那个单元格改好了，学校做了独热编码，缺失值也数清楚了。',

  'lesson.preprocessing.5.title': '挑战：一个学生都不丢',
  'lesson.preprocessing.5': `<p>预览表数出了每一列缺失的单元格（空白、<code>NA</code> 和 <code>?</code> 都算），<code>学校</code>这个类别列变成了每个取值一个输入（见下方）。可是所有带空缺的行都被<em>删掉</em>了：整整五分之一。</p>
<p><strong>挑战：</strong>保留每一行，并在留出的学生上让验证准确率至少达到 <strong>90 %</strong>。缺失值怎么处理，由<strong>你的数据</strong>面板决定；然后按<strong>播放</strong>。</p>`,
  'lesson.preprocessing.5.check': '保留每一行（填补空缺），并让验证准确率达到 {value} %。',
  'lesson.preprocessing.5.done': '每个学生都留下了：空缺用该列的均值填上，留出的学生也分对了。',
};
