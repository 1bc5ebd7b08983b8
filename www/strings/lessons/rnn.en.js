// The `rnn` lesson's words (lessons/rnn.js): a network with a memory,
// on a sine wave.

export default {
  'lesson.rnn.title': 'Recurrent networks',
  'lesson.rnn.f.params': '{n} parameters',
  'lesson.rnn.f.oneStep': 'one step',
  'lesson.rnn.f.free': 'free run',

  'lesson.rnn.1.title': 'A network that remembers',
  'lesson.rnn.1': `<p>A <strong>recurrent network</strong> reads a sequence one value at a time and keeps a few numbers, its
<strong>hidden state</strong> <var>h</var>, updated at every step from the new value and from itself:
<var>h</var><sub><var>t</var></sub> = <var>f</var>(<var>x</var><sub><var>t</var></sub>, <var>h</var><sub><var>t</var>−1</sub>).
The <em>same</em> <var>W</var>, <var>U</var> and <var>b</var> serve every step; after the last one, <var>V</var> reads the state.</p>
<p>The task: from the last 20 values of a sine wave, predict the next. Press <strong>Play</strong> and watch the
blue guesses settle on the grey series.</p>`,
  'lesson.rnn.1.check': 'Train until the validation loss is below {value}.',
  'lesson.rnn.1.done': 'the validation loss is below {value}: each next value is predicted almost exactly.',

  'lesson.rnn.2.title': 'The free run',
  'lesson.rnn.2': `<p>So far the model always reads the <em>true</em> last 20 values. A harder test: start from the shaded
window and let it go on <strong>alone</strong>, each guess becoming its next input, so that a small error is fed back
and can grow.</p>
<p>Press <strong>Free run</strong>. The orange dashed line is the model talking to itself for 100 steps; the shaded
gap to the grey series is its drift. Drag the <strong>Window</strong> slider to start it elsewhere.</p>`,
  'lesson.rnn.2.check': 'Turn on the free run.',
  'lesson.rnn.2.done': 'the free run is on: a model that learned the wave keeps its shape on its own.',

  'lesson.rnn.3.title': 'Inside: the hidden state',
  'lesson.rnn.3': `<p>Under the chart, <strong>Hidden state over the window</strong> is <var>h</var><sub><var>t</var></sub> itself:
a column per step, a row per unit (blue +1, orange −1). It changes as each value comes in; the last column is
all that <var>V</var> sees.</p>
<p>Does a sine need 8 numbers of memory? Set <strong>Hidden state</strong> to <strong>4</strong> (a new model starts) and
train it: 4 rows now, and <var>U</var> is 4×4.</p>`,
  'lesson.rnn.3.check': 'Use a hidden state of at most {units} units and train until the validation loss is below {value}.',
  'lesson.rnn.3.done': 'four numbers are enough to carry the wave from step to step.',

  'lesson.rnn.4.title': 'A harder series',
  'lesson.rnn.4': `<p>One sine is very regular. Tick <strong>mix in a second frequency</strong>: the series becomes two waves
added together, and its pattern repeats far less often.</p>
<p>Train again. The state now has to keep track of two rhythms at once: watch its rows across the window.</p>`,
  'lesson.rnn.4.check': 'Mix in the second frequency and train until the validation loss is below {value}.',
  'lesson.rnn.4.done': 'below {value} on the two-frequency series.',

  'lesson.rnn.5.title': 'Challenge: two numbers of memory',
  'lesson.rnn.5': `<p><strong>Challenge:</strong> predict the two-frequency series with a hidden state of at most <strong>2</strong>
units, to a validation loss below <strong>0.002</strong>. This step starts you at 8.</p>
<p>One unit cannot do it: one number cannot hold two rhythms. Two can, but they learn slowly at 0.01: try a larger
learning rate. Changing the state size starts a new model.</p>`,
  'lesson.rnn.5.check': 'Reach a validation loss below {value} on the mixed series with at most {units} units of state.',
  'lesson.rnn.5.done': 'two numbers of memory carried two waves, below {value}.',
};
