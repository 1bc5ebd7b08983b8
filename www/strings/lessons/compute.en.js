// The `compute` lesson's words (lessons/compute.js): the cost of
// training, counted and measured.

export default {
  'lesson.compute.title': 'The cost of compute',
  'lesson.compute.f.params': 'parameters',
  'lesson.compute.f.perStep': 'FLOPs a step',
  'lesson.compute.f.steps': 'steps',
  'lesson.compute.f.perSecond': 'steps a second',
  'lesson.compute.f.paused': 'press Play to measure the steps a second',
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
<p><var>N</var> counts the steps and <var>N</var> · <var>F</var> the operations spent. While it plays, <var>R</var> is the
steps a second this computer manages, and <var>F</var> · <var>R</var> the operations a second. Note <var>N</var> and
<var>N</var> · <var>F</var> when it gets there.</p>`,
  'lesson.compute.2.check': 'Train the large network until the validation loss is below {value}.',
  'lesson.compute.2.done': 'there. Note the steps and the operations it took.',

  'lesson.compute.3.title': 'A small network, to the same target',
  'lesson.compute.3': `<p>Now set <strong>Hidden layers</strong> back to <strong>4</strong> and train to the same loss, 0.02.</p>
<p>It needs many more steps, but each is far cheaper: compare <var>N</var> · <var>F</var> with the large network's. Compare
<var>R</var> too: a step a few hundred times smaller does not run a few hundred times faster, because for a tiny
network most of the time goes to the work around the arithmetic.</p>`,
  'lesson.compute.3.check': 'Train a network of at most {max} FLOPs a step until the validation loss is below {value}.',
  'lesson.compute.3.done': 'the same loss from a network that is cheap to run.',

  'lesson.compute.4.title': 'Challenge: a budget of one million',
  'lesson.compute.4': `<p><strong>Challenge:</strong> reach a validation accuracy of at least <strong>90 %</strong> on the spiral having
spent at most <strong>1 MFLOP</strong> (a million operations) on training. This setup, the Spiral preset, spends
about 2.</p>
<p>Spend less per step (fewer or smaller layers, a smaller batch), or fewer steps (a good learning rate, helpful
features). If the budget runs out first, change something or press <strong>Reset</strong>.</p>`,
  'lesson.compute.4.check': 'Reach {value} % validation accuracy within {mflops} MFLOP of training (Reset to try again).',
  'lesson.compute.4.done': 'the spiral, within the budget.',
};
