// The `backprop` lesson's words (lessons/backprop.js): one update of a
// small network, walked forward and backward.

export default {
  'lesson.backprop.title': 'Training: forward and backward',

  'lesson.backprop.1.title': 'A network, forward',
  'lesson.backprop.1': `<p>This network has 2 inputs, one hidden layer of 4 <strong>tanh</strong> units and 1 output. Going
<strong>forward</strong>, each unit adds up its weighted inputs, <var>z</var> = <var>x</var><var>W</var> + <var>b</var>, and squashes
the sum; the output unit's sigmoid σ turns its sum into <var>ŷ</var>, the probability of the orange class.</p>
<p>Hover a unit in the Network panel to see its value over the whole plane. Training repeats one move,
<var>w</var> ← <var>w</var> − <var>α</var>∇<var>J</var>, and for it the network needs the gradient ∇<var>J</var>: how the loss changes
with each of its 17 weights and biases. <strong>Backpropagation</strong> finds all of them in one pass backwards.</p>
<p>Press <strong>Step</strong> once: one update of every weight. The next steps open that update up.</p>`,
  'lesson.backprop.1.check': 'Press Step for one update.',
  'lesson.backprop.1.done': 'One update taken.',

  'lesson.backprop.2.title': 'One point, step by step',
  'lesson.backprop.2': `<p>Take one training point through the network: type its row (0 is the first of the 140 training points) and press
<strong>Trace this row</strong>. The <strong>forward</strong> phase shows each unit's value for that point.</p>
<p>Press <strong>Next phase</strong> for the <strong>loss</strong>: how far <var>ŷ</var> is from the point's class <var>y</var>. Then
<strong>backward</strong> and <strong>update</strong>, which the next steps explain.</p>`,
  'lesson.backprop.2.check': 'Trace one training point and walk its phases to the update.',
  'lesson.backprop.2.done': 'Traced: forward, loss, backward, update.',

  'lesson.backprop.3.title': 'Backward: the chain rule',
  'lesson.backprop.3': `<p>In the <strong>backward</strong> phase (Next phase, round again) each unit shows
<var>δ</var> = ∂<var>J</var>/∂<var>z</var>: how fast the loss changes with that unit's sum <var>z</var>.</p>
<p>At the output <var>δ</var> = <var>ŷ</var> − <var>y</var>. A hidden unit's <var>δ</var> follows by the <strong>chain rule</strong>:
the output's <var>δ</var> × the weight between them × the slope of tanh there. An edge's gradient is the value at its
tail × the <var>δ</var> at its head. Hover them for their numbers.</p>
<p>Is it right? <strong>Check the gradient</strong> nudges each weight by ±<var>ε</var> and compares the loss's change
(finite differences).</p>`,
  'lesson.backprop.3.check': 'Check the gradient: finite differences must agree within a relative error of {value}.',
  'lesson.backprop.3.done': 'Backpropagation and finite differences agree.',

  'lesson.backprop.4.title': 'The update',
  'lesson.backprop.4': `<p>The <strong>update</strong> phase shows each weight before and after: it moves by −<var>α</var> times its gradient.</p>
<p>The engine applies only the step it takes next, on its next mini-batch of 10 points. Press <strong>Next mini-batch</strong>,
walk it to the update, and press <strong>Apply this update</strong>. The step counter goes up by one: that was one
step of training, by hand.</p>`,
  'lesson.backprop.4.check': 'Trace the next mini-batch and apply its update.',
  'lesson.backprop.4.done': 'Applied: one step of training, by hand.',

  'lesson.backprop.5.title': 'Challenge: many steps',
  'lesson.backprop.5': `<p><strong>Play</strong> repeats what you just did, forward, loss, backward, update, on one mini-batch after another.</p>
<p><strong>Challenge:</strong> reach <strong>95 %</strong> validation accuracy within <strong>300</strong> updates. At
<var>α</var> = 0.03 each step is too small to get there in time. Choose a larger learning rate, press <strong>Reset</strong>
and <strong>Play</strong>. Too large, and the steps overshoot.</p>`,
  'lesson.backprop.5.check': 'Reach {value} % validation accuracy within {maxSteps} updates (Reset to try again).',
  'lesson.backprop.5.done': '{value} % within {maxSteps} updates: many small steps downhill, each one found by backpropagation.',
};
