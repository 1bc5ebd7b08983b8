// The `gradient-descent` lesson's words (lessons/gradient-descent.js).

export default {
  'lesson.gradient-descent.title': 'Gradient descent and the learning rate',

  'lesson.gradient-descent.1.title': 'Downhill, one step at a time',
  'lesson.gradient-descent.1': `<p>Training is one rule, repeated: <var>w</var> ← <var>w</var> − <var>α</var>∇<var>J</var>.
The <strong>gradient</strong> ∇<var>J</var> says, for each weight, how fast the loss <var>J</var> grows when that weight grows.
Stepping against it goes downhill; the <strong>learning rate</strong> <var>α</var> says how far.</p>
<p>The model is lesson 1's line through the article's four points, starting from zero weights.
Press <strong>Step</strong> a few times. Each press is one update: watch the weights and <var>J</var> below
change, and the rings (predictions) rise toward the dots (targets).</p>`,
  'lesson.gradient-descent.1.check': 'Press Step at least {n} times.',
  'lesson.gradient-descent.1.done': 'Each Step moved the weights downhill and lowered J.',

  'lesson.gradient-descent.2.title': 'Inside one update',
  'lesson.gradient-descent.2': `<p>Now look inside the next update. In <strong>Step through one update</strong>, press
<strong>Next mini-batch</strong> (here the batch is all four points), then <strong>Next phase</strong> until you reach
<em>4 · Update</em>: the predictions, the loss, the gradient on every weight, and each weight before and after.</p>
<p>A negative gradient means the loss falls when that weight grows, so the update makes the weight larger;
every change is −<var>α</var> times its gradient. <strong>Apply this update</strong> takes the step:
the weights below change by exactly the <em>change</em> column of the step-through's table.</p>`,
  'lesson.gradient-descent.2.check': 'Trace the next mini-batch and walk its four phases to the update.',
  'lesson.gradient-descent.2.done': 'You have seen a whole update: forward, loss, backward, update.',

  'lesson.gradient-descent.3.title': 'Too small, right, too large',
  'lesson.gradient-descent.3': `<p>How large should <var>α</var> be? A <strong>race</strong> trains three copies of the same model on the same data
from the same start, differing only in <var>α</var>: 0.001, 0.02 and 0.1.</p>
<p>Press <strong>Play all</strong> and watch the three loss curves.
0.001 crawls: each step is tiny. 0.1 overshoots the bottom of the valley by more each time, until the loss explodes.
The middle one wins.</p>
<p>The line below places them around the largest rate that still converges, 2 / <var>λ</var><sub>max</sub>,
where <var>λ</var><sub>max</sub> is the steepest curvature of <var>J</var> (lesson 1). The engine computes it for this data.</p>`,
  'lesson.gradient-descent.3.check': 'Play the race until lane {diverged} diverges and lane {winner} leads after {steps} steps.',
  'lesson.gradient-descent.3.done': 'Lane {diverged} blew up; lane {winner}, below the limit, leads.',

  'lesson.gradient-descent.4.title': 'The path through the landscape',
  'lesson.gradient-descent.4': `<p>The loss is a surface over the weights, and training walks on it. This time the weights start at random.
<strong>The loss landscape</strong> shows the surface over the plane of the path's two main directions;
the line is where the weights have been, the ring where they are now.</p>
<p>Press <strong>Play</strong> (slowly, at 2 updates a frame) and watch the path. It drops steeply into a long, flat valley,
then crawls along its floor. The steep walls limit <var>α</var>; the flat floor is why a small <var>α</var> takes so long.</p>
<p>Then try a rate close to the limit, such as 0.045, press <strong>Reset</strong> and play again: the path zigzags across the valley.</p>`,
  'lesson.gradient-descent.4.check': 'Train until the path on the landscape has {n} points.',
  'lesson.gradient-descent.4.done': 'The path shows where gradient descent went.',

  'lesson.gradient-descent.5.title': 'Challenge: find the edge',
  'lesson.gradient-descent.5': `<p><strong>Challenge:</strong> race three learning rates of your own, smallest first, so that
<strong>lane 3 diverges</strong> and <strong>lane 2 wins</strong>, with lane 3 at most <strong>25 %</strong> larger than lane 2.</p>
<p>The best rate lives just below the cliff, and one a little larger falls off it: use the limit below.
Type your three rates into <strong>Values</strong>, separated by commas, press <strong>Start race</strong>, then <strong>Play all</strong>.</p>`,
  'lesson.gradient-descent.5.check': 'Race three rates, smallest first: lane {diverged} diverges, lane {winner} leads after {steps} steps, and lane {diverged} is at most {percent} % above lane {winner}.',
  'lesson.gradient-descent.5.done': 'Found: the edge of stability lies between lane {winner} and lane {diverged}.',
};
