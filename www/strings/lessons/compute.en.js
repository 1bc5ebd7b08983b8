// The `compute` lesson's words (lessons/compute.js): the cost of
// training, counted and measured.

export default {
  'lesson.compute.title': 'The cost of compute',
  'lesson.compute.f.params': 'parameters',
  'lesson.compute.f.perStep': 'FLOPs a step',
  'lesson.compute.f.steps': 'steps',
  'lesson.compute.f.notYet': 'not yet below {value}',
  'lesson.compute.f.speed': 'Speed {speed} updates / frame',
  'lesson.compute.f.perSecond': 'steps a second',
  'lesson.compute.f.paused': 'measured while playing: press Play',
  'lesson.compute.f.accuracy': 'validation accuracy',

  'lesson.compute.1.title': 'What one step costs',
  'lesson.compute.1': `<p>The article's third challenge is <strong>compute</strong>: big models cost a great deal to train. That cost
can be counted. Going forward, each weight is one multiply and one add, 2 <strong>floating-point operations</strong>
(FLOPs) a row; going back costs about twice that; and a step does it for a batch of <var>B</var> rows.</p>
<p>The engine counts this network's <var>F</var> exactly. Now type <strong>64, 64</strong> into <strong>Hidden layers</strong> and
watch <var>P</var> and <var>F</var>.</p>`,
  'lesson.compute.1.check': 'Make the network large enough that one step costs at least {min} FLOPs (hidden layers 64, 64).',
  'lesson.compute.1.done': 'one step of this network costs hundreds of times more than one of 4 units.',

  'lesson.compute.2.title': 'A large network, to a target',
  'lesson.compute.2': `<p>Press <strong>Play</strong> and train until the validation loss is below <strong>0.02</strong>.</p>
<p><var>N</var> counts the steps and <var>N</var> · <var>F</var> the operations spent. When the loss gets there,
<var>N</var>* is the step it first did, and <var>N</var>* · <var>F</var> what the target cost. Note it.</p>`,
  'lesson.compute.2.check': 'Train the large network until the validation loss is below {value}.',
  'lesson.compute.2.done': 'there. Note N* · F, the operations the target took.',

  'lesson.compute.3.title': 'How fast this computer runs it',
  'lesson.compute.3': `<p>Operations become time through the <strong>rate</strong>: <var>R</var> steps a second, which depends on
the computer. The page trains at most <strong>Speed</strong> updates a frame, so set <strong>Speed</strong> to its top,
<strong>1000</strong>, and press <strong>Play</strong>: now the engine, not the page, sets the pace.</p>
<p><var>F</var> · <var>R</var> is what this computer does a second; <var>N</var>* / <var>R</var> the time the
target took at that pace. Note both.</p>`,
  'lesson.compute.3.check': 'Set Speed to {speed} updates a frame and keep the large network playing for a moment.',
  'lesson.compute.3.done': 'measured. Note R and F · R.',

  'lesson.compute.4.title': 'A small network, to the same target',
  'lesson.compute.4': `<p>Now set <strong>Hidden layers</strong> back to <strong>4</strong>, press <strong>Play</strong> and train to the same
loss, 0.02.</p>
<p>It needs many more steps, but each is far cheaper. Compare its <var>N</var>* · <var>F</var> with the large
network's: the same result for a fraction of the operations.</p>`,
  'lesson.compute.4.check': 'Train a network of at most {max} FLOPs a step until the validation loss is below {value}.',
  'lesson.compute.4.done': 'the same loss, with far fewer operations.',

  'lesson.compute.5.title': 'Fewer operations, but not less time',
  'lesson.compute.5': `<p>Set <strong>Speed</strong> to <strong>1000</strong> again and press <strong>Play</strong>.</p>
<p>A step here is a few hundred times cheaper, yet <var>R</var> is not a few hundred times higher, and
<var>F</var> · <var>R</var> is far below the large network's: for a tiny network most of the time goes to the work
around the arithmetic (here, the page's own frames too). Large models keep the processor busy with arithmetic,
so their time follows their operations: that is why they cost so much to train.</p>`,
  'lesson.compute.5.check': 'Set Speed to {speed} updates a frame and keep the small network playing for a moment.',
  'lesson.compute.5.done': 'compare R and F · R with the large network\'s.',

  'lesson.compute.6.title': 'Challenge: a budget of one million',
  'lesson.compute.6': `<p><strong>Challenge:</strong> reach a validation accuracy of at least <strong>90 %</strong> on the spiral having
spent at most <strong>1 MFLOP</strong> (a million operations) on training. This setup, the Spiral preset with its
sine features, spends about 2.</p>
<p>Spend less per step (fewer or smaller layers, a smaller batch), or take fewer steps (a better learning rate).
If the budget runs out first, change something or press <strong>Reset</strong>.</p>`,
  'lesson.compute.6.check': 'Reach {value} % validation accuracy within {mflops} MFLOP of training (Reset to try again).',
  'lesson.compute.6.done': 'the spiral, within the budget.',
};
