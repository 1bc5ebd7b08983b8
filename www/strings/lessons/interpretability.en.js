// The `interpretability` lesson's words (lessons/interpretability.js):
// the article's "black box" challenge, answered by looking inside.

export default {
  'lesson.interpretability.title': 'Looking inside the black box',
  'lesson.interpretability.f.hover': 'Point at a unit of the network to see its equation here.',
  'lesson.interpretability.f.mistakes': '{n} of {rows} validation images wrong',
  'lesson.interpretability.f.truth': 'truth',
  'lesson.interpretability.f.guess': 'guess',

  'lesson.interpretability.1.title': 'Every unit draws a picture',
  'lesson.interpretability.1': `<p>The article calls deep networks <strong>black boxes</strong>: they answer, but do not say why. A small one can
be opened. Each unit computes one number for every point of the plane, and the network diagram draws that as a
small picture inside the unit.</p>
<p>Press <strong>Play</strong> and watch the pictures change as the network learns to separate the two rings.</p>`,
  'lesson.interpretability.1.check': 'Train until the validation accuracy is at least {value} %.',
  'lesson.interpretability.1.done': 'at least {value} % of the validation points are right.',

  'lesson.interpretability.2.title': 'Point at a unit',
  'lesson.interpretability.2': `<p>Move the pointer over a unit in the diagram: the Output panel shows <em>that unit's</em> output, large, and
its equation appears below with the weights it has now.</p>
<p>A first-layer unit is tanh of a weighted sum of <var>x</var><sub>1</sub> and <var>x</var><sub>2</sub>: a soft
line across the plane. A second-layer unit mixes those lines into a curved region, and the output mixes those.
Point at a unit of <strong>Layer 2</strong>.</p>`,
  'lesson.interpretability.2.check': 'Point at a unit of layer {layer} in the network diagram.',
  'lesson.interpretability.2.done': 'that is what this unit has learned to look for.',

  'lesson.interpretability.3.title': 'Which pixels matter: saliency',
  'lesson.interpretability.3': `<p>Now a convolutional network on 8×8 handwritten digits: too many units to read one by one. We can ask it a
different question instead: <em>which pixels would change its answer most?</em></p>
<p>That is the <strong>saliency</strong>: how steeply the score <var>z</var><sub><var>c</var></sub> of the winning digit
changes with each pixel. Press <strong>Play</strong>, then look at the red map beside the image.</p>`,
  'lesson.interpretability.3.check': 'Train the digits model to a validation accuracy of at least {value} %.',
  'lesson.interpretability.3.done': 'at least {value} %. Red pixels are the ones its answer leans on.',

  'lesson.interpretability.4.title': "The model's mistakes",
  'lesson.interpretability.4': `<p>At the bottom, <strong>Images it gets wrong</strong> lists validation digits the model misreads, with its
guess and the truth. Mistakes say more about a model than its score does.</p>
<p>Click one. The panel shows it with its probabilities and its saliency: is the digit badly written, or is the
model looking at the wrong strokes?</p>`,
  'lesson.interpretability.4.check': 'Click one of the images the model gets wrong.',
  'lesson.interpretability.4.done': 'compare the probability of the truth with that of the guess.',

  'lesson.interpretability.5.title': 'Challenge: a network you can read',
  'lesson.interpretability.5': `<p><strong>Challenge:</strong> separate the circle with at most <strong>3</strong> hidden units, at a validation
accuracy of at least <strong>95 %</strong>, then point at one of them. This step starts you at 8, 8.</p>
<p>Three lines can fence in a ring, so three units can be enough, and then each one is a line you can see in the
diagram and read in its equation.</p>`,
  'lesson.interpretability.5.check': 'Reach {value} % with at most {maxUnits} hidden units, then point at a hidden unit.',
  'lesson.interpretability.5.done': 'every unit of this network is a line you can read.',
};
