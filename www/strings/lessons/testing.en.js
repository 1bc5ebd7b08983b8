// The `testing` lesson's words (lessons/testing.js): the sealed test
// split, evaluated once, and why it must not choose the settings.

export default {
  'lesson.testing.title': 'Testing: one honest score',
  'lesson.testing.f.acc': 'acc',
  'lesson.testing.f.rows': 'points',
  'lesson.testing.f.sealed': 'sealed',
  'lesson.testing.f.hidden': 'hidden layers',
  'lesson.testing.f.units': 'units',

  'lesson.testing.1.title': 'Three splits, three jobs',
  'lesson.testing.1': `<p>These 200 points were split once, at random, into three sets that never mix: 140
<span class="train-text">training points</span>, 30 <strong>validation</strong> points (the diamonds) and 30
<strong>test</strong> points, kept sealed.</p>
<p>Each set has one job. The training points move the weights. The validation points are how <em>you</em> choose:
the learning rate, the layers, when to stop. The test points give one honest score at the very end, of the model
you chose.</p>
<p>Press <strong>Play</strong> and watch the validation accuracy climb (Val. accuracy above, and the lower
chart of the Loss panel).</p>`,
  'lesson.testing.1.check': 'Train until the validation accuracy reaches {value} %.',
  'lesson.testing.1.done': '{value} % of the validation points are right.',

  'lesson.testing.2.title': 'Breaking the seal',
  'lesson.testing.2': `<p>Is that what the model will do on new points? The validation points were never trained on, but you
are about to use them to choose, and a score you choose by slowly stops being a fair judge.</p>
<p>Pause the training (the same button as Play), then press <strong>Evaluate on test set</strong>, once. The
Evaluation panel scores the 30 test points with the weights of this step, the ones on screen.</p>
<p>Compare the two scores. They differ a little: with 30 points, one point is 3.3 %, and which points fell into which
split was luck.</p>`,
  'lesson.testing.2.check': 'Pause, then evaluate the test set.',
  'lesson.testing.2.done': 'Tested: one honest score of this model.',

  'lesson.testing.3.title': 'Choose by validation',
  'lesson.testing.3': `<p>Suppose you now tried ten settings and kept the one with the best <em>test</em> score. Part of its lead
is luck on those 30 points, and you picked it for that luck: its test score is too good to be true. The test split
would have become a second validation set, and nothing would be left to say how the model does on new data.</p>
<p>So compare by validation. Change <strong>Hidden layers</strong> (try 2, or 16, 16): a new model starts, its
test split sealed again. Train it for 300 updates and compare its validation accuracy with the first model's.</p>`,
  'lesson.testing.3.check': 'Change the hidden layers and train the new model for at least {n} updates.',
  'lesson.testing.3.done': 'A second model, judged on validation; its test split is still sealed.',

  'lesson.testing.4.title': 'Challenge: choose by validation',
  'lesson.testing.4': `<p>A harder data set: two spirals wound into each other. One layer of 8 units on <var>x</var><sub>1</sub>
and <var>x</var><sub>2</sub> does not get far on it.</p>
<p><strong>Challenge:</strong> with at most <strong>8</strong> hidden units in all, choose the <strong>features</strong>
and the hidden layers by validation until the validation accuracy is at least <strong>90 %</strong>. The test split
stays sealed for now.</p>`,
  'lesson.testing.4.check': 'With at most {maxUnits} hidden units, reach {value} % validation accuracy.',
  'lesson.testing.4.done': 'Chosen by validation alone. Next: the one look.',

  'lesson.testing.5.title': 'Challenge: one look',
  'lesson.testing.5': `<p>The model is chosen. Now, and only now, the test split. Pause the training with the validation
accuracy at <strong>90 %</strong> or more, then press <strong>Evaluate on test set</strong>, <strong>once</strong>.</p>
<p>A second look at the same model does not count: to try again, press <strong>Reset</strong> and train again.</p>`,
  'lesson.testing.5.check': 'With at most {maxUnits} hidden units and {value} % validation accuracy, pause and evaluate the test set once (a second look does not count: Reset to try again).',
  'lesson.testing.5.done': 'Chosen by validation, tested once: that test score is the one to report.',
};
