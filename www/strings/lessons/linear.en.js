// The `linear` lesson's words (lessons/linear.js): the article's own
// example, taught. Step texts are HTML written here, never taken from data.

export default {
  'lesson.linear.title': 'Linear regression',
  'lesson.linear.1.title': 'A line through four points',
  'lesson.linear.1': `<p>A <strong>linear model</strong> predicts a number from two inputs:
<var>ŷ</var> = <var>w</var><sup>T</sup><var>x</var> + <var>b</var> = <var>w</var><sub>1</sub><var>x</var><sub>1</sub> + <var>w</var><sub>2</sub><var>x</var><sub>2</sub> + <var>b</var>.</p>
<p>It learns from the article's four <span class="train-text">training points</span>, <var>X</var> = [[1, 2], [2, 3], [3, 4], [4, 5]]
with targets <var>y</var> = [1, 2, 3, 4]. How wrong it is, the <strong>loss</strong>, is the mean squared error
<var>J</var> = (1/<var>n</var>) Σ (<var>ŷ</var><sub><var>i</var></sub> − <var>y</var><sub><var>i</var></sub>)<sup>2</sup> over the <var>n</var> = 4 points.</p>
<p>Press <strong>Step</strong> for one update of gradient descent on all four points, or <strong>Play</strong> to keep going.
Watch the loss fall and the rings (predictions) settle on the dots (targets).</p>`,
  'lesson.linear.1.check': 'Train until the training loss is below {value}.',
  'lesson.linear.1.done': 'The loss is below {value}: the line fits the points.',

  'lesson.linear.2.title': "The article's learning rate",
  'lesson.linear.2': `<p>Each update is <var>w</var> ← <var>w</var> − <var>α</var>∇<var>J</var>: a step downhill, scaled by the
<strong>learning rate</strong> <var>α</var>. The article uses <var>α</var> = 0.1. Type <strong>0.1</strong> into the learning rate and train.</p>
<p>On this data every update now overshoots the minimum by more than the one before, and the loss explodes.
Gradient descent on a quadratic loss converges only while <var>α</var> &lt; 2 / <var>λ</var><sub>max</sub>, where
<var>λ</var><sub>max</sub> is the steepest curvature of <var>J</var> (the largest eigenvalue of its Hessian). The engine computes it for this data:</p>`,
  'lesson.linear.2.check': 'Set the learning rate to 0.1 and train until the loss diverges.',
  'lesson.linear.2.done': 'It diverged: 0.1 is above the largest stable rate.',

  'lesson.linear.3.title': 'A rate that converges',
  'lesson.linear.3': `<p>Now set the learning rate back below the limit, for example <strong>0.01</strong>, press <strong>Reset</strong>
(the diverged weights are no longer numbers) and train again.</p>
<p>The inputs are collinear (<var>x</var><sub>2</sub> = <var>x</var><sub>1</sub> + 1 on every row), so the data fixes only
<var>w</var><sub>1</sub> + <var>w</var><sub>2</sub> and <var>w</var><sub>2</sub> + <var>b</var>. The Parameters table compares the weights with the
least-squares answer of smallest size, where gradient descent from zero weights lands.</p>`,
  'lesson.linear.3.check': 'Train with a stable learning rate until the training loss is below {value}.',
  'lesson.linear.3.done': 'Converged: the loss is below {value}.',

  'lesson.linear.4.title': 'Testing on new points',
  'lesson.linear.4': `<p>The article tests the model on two <span class="test-text">points it never trained on</span>:
[5, 6] should give 5, and [6, 7] should give 6.</p>
<p>Press <strong>Evaluate on test set</strong> once. The test error says how well the line does on data it has not seen.</p>`,
  'lesson.linear.4.check': 'Evaluate the model on the test set.',
  'lesson.linear.4.done': 'Tested: compare the predictions with 5 and 6 in the table.',

  'lesson.linear.5.title': 'Challenge: as fast as it can go',
  'lesson.linear.5': `<p><strong>Challenge:</strong> bring the training loss below 0.0001 in at most <strong>300</strong> updates.
At 0.01 it takes far longer. Choose a learning rate close to the limit, but not above it, press <strong>Reset</strong> and train.</p>`,
  'lesson.linear.5.check': 'Reach a training loss below {value} within {maxSteps} updates (Reset to try again).',
  'lesson.linear.5.done': 'Below {value} within {maxSteps} updates: close to the limit, and no further.',
};
