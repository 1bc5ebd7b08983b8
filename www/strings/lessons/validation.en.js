// The `validation` lesson's words (lessons/validation.js): overfitting,
// early stopping and the best checkpoint.

export default {
  'lesson.validation.title': 'Validation: overfitting and early stopping',

  'lesson.validation.1.title': 'Learning the noise',
  'lesson.validation.1': `<p>These 100 points are noisy: almost half are pushed far from their ring. The network is big,
two layers of 32 units, enough to bend its boundary around every single <span class="train-text">training point</span>.</p>
<p>The <strong>validation points</strong> (the diamonds) are never trained on. Their loss tells how well the
model does on points it has not seen, which is what we want from it.</p>
<p>Press <strong>Play</strong> and watch the Loss panel. The training loss keeps falling. The validation loss falls
at first, then <strong>turns up</strong>: the network is learning the noise of its 70 points, not the rings. That is
<strong>overfitting</strong>.</p>`,
  'lesson.validation.1.check': 'Train until the validation loss has risen to {ratio} × its lowest while the training loss keeps falling.',
  'lesson.validation.1.done': 'Overfitting: the training loss is still falling, the validation loss has turned up.',

  'lesson.validation.2.title': 'Early stopping',
  'lesson.validation.2': `<p>So stop at the bottom of the validation curve. <strong>Early stopping</strong> scores the validation
loss after every epoch (one pass over the 70 training points, 7 updates here) and keeps a copy of the weights of
the best one. After <strong>patience</strong> = 5 epochs without beating it (by more than minDelta), it stops.</p>
<p>The session has started again with early stopping on. Press <strong>Play</strong>. When it stops, the Loss panel
says so, and a dashed line marks the best step.</p>`,
  'lesson.validation.2.check': 'Train until early stopping stops the run.',
  'lesson.validation.2.done': 'Stopped: the validation loss had not improved for 5 epochs.',

  'lesson.validation.3.title': 'The best checkpoint',
  'lesson.validation.3': `<p>The run went on for 5 epochs past its best, so the weights on screen are already a little
overfitted. The engine kept the best ones.</p>
<p>Press <strong>Back to the best weights</strong> under the Loss panel. The validation loss becomes the best one
again, and the boundary on the Output panel goes back to the simpler shape it had. (The test split is always
scored with these weights.)</p>`,
  'lesson.validation.3.check': 'Restore the best weights.',
  'lesson.validation.3.done': 'Back at the best checkpoint.',

  'lesson.validation.4.title': 'Challenge: no need to stop',
  'lesson.validation.4': `<p>Early stopping is off again. Overfitting has other cures: a network too small to learn the
noise, or a <strong>regularization</strong> penalty (L2 pulls every weight towards 0, so the boundary stays smooth).</p>
<p><strong>Challenge:</strong> train for at least <strong>1000</strong> updates and end with a validation loss below
<strong>0.5</strong>. Change the hidden layers, or the regularization and its rate, then press <strong>Play</strong>.
(A model that learns nothing sits at 0.69, so that will not do.)</p>`,
  'lesson.validation.4.check': 'After at least {n} updates, have a validation loss below {value}.',
  'lesson.validation.4.done': 'A validation loss below {value} after {n} updates: this model does not overfit.',
};
