// The `building` lesson's words (lessons/building.js).

export default {
  'lesson.building.title': 'Building a model',
  'lesson.building.accuracy': 'validation accuracy',
  'lesson.building.parameters': '{n} parameters',

  'lesson.building.1.title': 'Where a line gives up',
  'lesson.building.1': `<p><strong>Exclusive or</strong>: blue where <var>x</var><sub>1</sub> and <var>x</var><sub>2</sub> have the same sign,
orange where they differ, so the two classes sit in opposite corners. The model is the logistic regression of lesson 3,
<var>z</var> = <var>w</var><sub>1</sub><var>x</var><sub>1</sub> + <var>w</var><sub>2</sub><var>x</var><sub>2</sub> + <var>b</var>.</p>
<p>Press <strong>Play</strong> and let it train. No line puts both blue corners on one side and both orange corners on the other,
so the accuracy wanders around 50 %: a coin toss. To do better the model needs more than a line. There are two ways to get it.</p>`,
  'lesson.building.1.check': 'Train the logistic regression on xor for {n} updates.',
  'lesson.building.1.done': 'Stuck at a coin toss: xor is not linearly separable.',

  'lesson.building.2.title': 'Way 1: a feature cross',
  'lesson.building.2': `<p>The classes differ in the <em>sign of the product</em> <var>x</var><sub>1</sub><var>x</var><sub>2</sub>: positive in the blue corners,
negative in the orange ones. So give the model that product as one more input, a <strong>feature cross</strong>.</p>
<p>In the Data panel, tick <strong>x<sub>1</sub>x<sub>2</sub></strong> under <strong>Input features</strong>, then press <strong>Play</strong>.
The model is still linear, one weight per input; only its inputs changed. One more parameter, and xor is solved.</p>`,
  'lesson.building.2.check': 'Keep logistic regression, add the cross x1·x2, and reach {value} % validation accuracy.',
  'lesson.building.2.done': 'Solved by a person who knew which feature to add.',

  'lesson.building.3.title': 'Way 2: a hidden layer',
  'lesson.building.3': `<p>A feature cross needs someone to guess the feature. A <strong>hidden layer</strong> learns its own: each hidden
unit draws a line of <var>x</var><sub>1</sub> and <var>x</var><sub>2</sub> and bends it with ReLU, max(0, ·); the output is a logistic
regression on those units.</p>
<p>The inputs are back to <var>x</var><sub>1</sub>, <var>x</var><sub>2</sub>. Set <strong>Kind</strong> to the neural network (4 hidden units)
and press <strong>Play</strong>. In the Network panel each unit's picture is one of its lines; the output combines them.</p>`,
  'lesson.building.3.check': 'With only x1 and x2 as inputs, train a neural network to {value} % validation accuracy on xor.',
  'lesson.building.3.done': 'The hidden units found the corners themselves, with more parameters.',

  'lesson.building.4.title': 'How many units?',
  'lesson.building.4': `<p>Now the circle, with a hidden layer of just <strong>2</strong> units. Press <strong>Play</strong>: two lines cut
a wedge out of the plane, never a closed region, and the accuracy stalls in the eighties.</p>
<p>Each unit adds one straight edge to the boundary. Type a larger number into <strong>Hidden layers</strong> (units per layer),
say 4, and train again. Compare the parameter count below with lesson 3, where two squared features and a single
line did it with 5.</p>`,
  'lesson.building.4.check': 'On x1 and x2 alone, give the network enough hidden units to reach {value} % on the circle.',
  'lesson.building.4.done': 'Enough edges make a closed boundary around the circle.',

  'lesson.building.5.title': 'Challenge: the spiral',
  'lesson.building.5': `<p><strong>Challenge:</strong> separate the <strong>spiral</strong> at <strong>90 %</strong> validation accuracy or more, with
<strong>at most 8</strong> hidden units in all.</p>
<p>Eight units on <var>x</var><sub>1</sub> and <var>x</var><sub>2</sub> alone draw about eight edges: too few for two arms that wind
round each other. Combine the two ways: which <strong>input features</strong> already turn round and round, so the units have less to do?</p>`,
  'lesson.building.5.check': 'Reach {value} % validation accuracy on the spiral with at most {maxUnits} hidden units.',
  'lesson.building.5.done': 'Good features and a few hidden units: the spiral separated.',
};
