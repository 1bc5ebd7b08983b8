// The `privacy` lesson's words (lessons/privacy.js): your own data,
// trained in this tab, and how to check that none of it leaves.

export default {
  'lesson.privacy.title': 'Your data stays here',
  'lesson.privacy.f.rows': '{n} rows read',
  'lesson.privacy.f.dropped': '{n} dropped (a value missing)',
  'lesson.privacy.f.split': 'training · validation · test',
  'lesson.privacy.f.inputs': '{n} inputs',
  'lesson.privacy.f.classes': '{n} classes',
  'lesson.privacy.f.regression': 'a number to predict',
  'lesson.privacy.f.accuracy': 'validation accuracy',
  'lesson.privacy.f.online': 'the browser is online',
  'lesson.privacy.f.offline': 'the browser is offline',

  'lesson.privacy.1.title': 'Your own file',
  'lesson.privacy.1': `<p>The article's second challenge is <strong>data</strong>: training needs a lot of it, and much of it is
private. Usually the data travels to the computers that train; here the engine comes to your data.</p>
<p>Choose a CSV file of your own under <strong>Your data</strong> (any spreadsheet saves one), drop it on the page,
or paste a few rows. The engine reads it in this tab and shows its columns; the last one is what it will
predict.</p>`,
  'lesson.privacy.1.check': 'Load a CSV file of your own (or paste one).',
  'lesson.privacy.1.done': 'your file is the data now, read in this tab.',

  'lesson.privacy.2.title': 'Trained in this tab',
  'lesson.privacy.2': `<p>Press <strong>Play</strong>. The network trains on your rows in a worker, a thread of this tab, running the
engine compiled to WebAssembly: the file, the weights and every prediction stay in this tab's memory, and
go when you close it.</p>
<p>Nothing needs a server, so nothing is sent to one. Do not take that on trust: the next two steps check it.</p>`,
  'lesson.privacy.2.check': 'Train on your file for {n} steps.',
  'lesson.privacy.2.done': 'trained, without a server.',

  'lesson.privacy.3.title': 'See for yourself: the network panel',
  'lesson.privacy.3': `<p>Open the browser's developer tools (<kbd>F12</kbd>, or <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>I</kbd>; on a Mac
<kbd>⌥</kbd>+<kbd>⌘</kbd>+<kbd>I</kbd>) and their <strong>Network</strong> tab. It lists every request the page makes.
Clear it and keep training: no line appears.</p>
<p>Then cut the network: choose <strong>Offline</strong> in that tab's throttling menu, or turn off the Wi-Fi. Training
goes on as before, because it never needed the network.</p>`,
  'lesson.privacy.3.check': 'Go offline and train {n} more steps.',
  'lesson.privacy.3.done': 'offline, and still training.',

  'lesson.privacy.4.title': 'The page\'s own rule, and a challenge',
  'lesson.privacy.4': `<p>The page forbids itself the network too. Its <strong>Content-Security-Policy</strong> (in the page's source,
<kbd>Ctrl</kbd>+<kbd>U</kbd>; its key rules below) says <code>connect-src 'none'</code>: no script of the page may open
a connection, and the browser enforces it. Only the page's worker, which that rule does not reach, fetches the
page's own files: the engine, as it starts.</p>
<p><strong>Challenge:</strong> still offline, press <strong>Reset</strong> and train your file until its validation loss is
at most half its first value.</p>`,
  'lesson.privacy.4.check': 'Offline from the first step: Reset, then train until the validation loss is at most {percent} % of its first value.',
  'lesson.privacy.4.done': 'a whole run on your data, with no network at all.',
};
