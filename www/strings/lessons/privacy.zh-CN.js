// 课程 `privacy` 的文字（lessons/privacy.js），简体中文：你自己的数据在这个标签页里训练，
// 以及怎样亲自确认它一点也没有离开。与 privacy.en.js 的键相同。

export default {
  'lesson.privacy.title': '你的数据留在这里',
  'lesson.privacy.f.rows': '读入 {n} 行',
  'lesson.privacy.f.dropped': '舍弃 {n} 行（缺少数值）',
  'lesson.privacy.f.split': '训练 · 验证 · 测试',
  'lesson.privacy.f.inputs': '{n} 个输入',
  'lesson.privacy.f.classes': '{n} 个类别',
  'lesson.privacy.f.regression': '预测一个数值',
  'lesson.privacy.f.accuracy': '验证准确率',
  'lesson.privacy.f.online': '浏览器在线',
  'lesson.privacy.f.offline': '浏览器已离线',

  'lesson.privacy.1.title': '你自己的文件',
  'lesson.privacy.1': `<p>文章提到的第二个挑战是<strong>数据</strong>：训练需要大量数据，而其中很多是私密的。通常是数据被送到负责训练的计算机上；在这里反过来，是引擎来到你的数据身边。</p>
<p>在<strong>你的数据</strong>里选择一个你自己的 CSV 文件（任何电子表格软件都能另存为 CSV），也可以把文件拖到页面上，或者粘贴几行文本。引擎就在这个标签页里读取它，并显示它的各列；最后一列就是要预测的目标。</p>`,
  'lesson.privacy.1.check': '载入一个你自己的 CSV 文件（或者粘贴一段）。',
  'lesson.privacy.1.done': '现在的数据就是你的文件，它是在这个标签页里读取的。',

  'lesson.privacy.2.title': '在这个标签页里训练',
  'lesson.privacy.2': `<p>按<strong>播放</strong>。网络在一个 worker 里用你的数据训练。worker 是这个标签页的一个线程，运行着编译成 WebAssembly 的引擎：文件、权重和每一个预测都留在这个标签页的内存里，关掉标签页就没了。</p>
<p>这一切都不需要服务器，所以也没有任何东西被发送到服务器。但不要只听我们说：接下来两步你可以亲自验证。</p>`,
  'lesson.privacy.2.check': '用你的文件训练 {n} 步。',
  'lesson.privacy.2.done': '训练好了，没有用到任何服务器。',

  'lesson.privacy.3.title': '亲眼看看：网络面板',
  'lesson.privacy.3': `<p>打开浏览器的开发者工具（<kbd>F12</kbd>，或 <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>I</kbd>；Mac 上是<kbd>⌥</kbd>+<kbd>⌘</kbd>+<kbd>I</kbd>），切到<strong>网络</strong>（<span lang="en">Network</span>）面板。页面发出的每一个请求都会列在这里。把列表清空，继续训练：一行也不会出现。</p>
<p>然后把网断掉：在这个面板的节流菜单里选<strong>离线</strong>（<span lang="en">Offline</span>），或者直接关掉 Wi-Fi。训练照常进行，因为它从来就不需要网络。</p>`,
  'lesson.privacy.3.check': '断开网络，再训练 {n} 步。',
  'lesson.privacy.3.done': '已经离线，训练仍在继续。',

  'lesson.privacy.4.title': '页面自己的规矩，以及一个挑战',
  'lesson.privacy.4': `<p>页面也禁止自己使用网络。它的<strong>内容安全策略</strong>（<span lang="en">Content-Security-Policy</span>，在页面源代码里，<kbd>Ctrl</kbd>+<kbd>U</kbd>；关键的规则列在下面）写着 <code>connect-src 'none'</code>：页面上的任何脚本都不能建立连接，而且由浏览器强制执行。只有页面的 worker 不受这条规则约束，它只取页面自己的文件：启动时的引擎。</p>
<p><strong>挑战：</strong>保持离线，按<strong>重置</strong>，用你的文件训练，直到验证损失不超过它初始值的一半。</p>`,
  'lesson.privacy.4.check': '从第一步起保持离线：按“重置”，然后训练到验证损失不超过初始值的 {percent} %。',
  'lesson.privacy.4.done': '在完全没有网络的情况下，用你的数据完成了一整次训练。',
};
