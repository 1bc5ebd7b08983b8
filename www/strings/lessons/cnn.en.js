// The `cnn` lesson's words (lessons/cnn.js): a convolutional network on
// the 8×8 digits, its filters, ReLU feature maps and pooling.

export default {
  'lesson.cnn.title': 'Convolutional networks',
  'lesson.cnn.f.params': '{n} parameters',
  'lesson.cnn.f.maps': '{n} feature maps',
  'lesson.cnn.f.val': 'validation accuracy',
  'lesson.cnn.f.filters': 'filters',

  'lesson.cnn.1.title': 'A filter slides over the image',
  'lesson.cnn.1': `<p>Each digit is an 8×8 image of ink. A dense layer would give every pixel its own weight. A
<strong>convolutional</strong> layer instead learns small <strong>filters</strong>, here 8 of them, each only 3×3
weights and a bias, and slides each one over the whole image: at every position it adds up the 9 pixels under
it, weighted, <var>z</var> = <var>x</var> ∗ <var>W</var> + <var>b</var>.</p>
<p>So one filter finds the same stroke (an edge, a corner) wherever it is in the image, and its sums there
make one <strong>feature map</strong>.</p>
<p>Press <strong>Play</strong>. Watch <em>Filters of the first convolution</em> take shape as the validation
accuracy climbs.</p>`,
  'lesson.cnn.1.check': 'Train until the validation accuracy reaches {value} %.',
  'lesson.cnn.1.done': '{value} % of the validation digits are right.',

  'lesson.cnn.2.title': 'ReLU: keep what fires',
  'lesson.cnn.2': `<p>Each sum then goes through the article's <strong>ReLU</strong>,
<var>f</var>(<var>x</var>) = max(0, <var>x</var><var>W</var> + <var>b</var>): a negative sum becomes 0, a positive
one passes unchanged. A feature map is blue where its filter found its stroke and 0 where it did not.</p>
<p><strong>Draw a digit</strong> on the pad, large, filling it. The <em>Feature maps of this image</em> are now
your drawing's, row by row: the convolution's sums, after the ReLU, after pooling. The formula counts how many
sums the ReLU set to 0, and the bars show what the model reads.</p>`,
  'lesson.cnn.2.check': 'Draw a digit on the pad.',
  'lesson.cnn.2.done': 'Your drawing went through the network: its feature maps and its answer are above.',

  'lesson.cnn.3.title': 'Pooling, and how many filters',
  'lesson.cnn.3': `<p><strong>Max pooling</strong> keeps the largest value of each 2×2 block: the map shrinks to 4×4,
and a stroke found one pixel to the side still counts. The 8 pooled maps, 128 numbers, go to a dense layer
with one output per digit, and softmax turns those into the probabilities.</p>
<p>Each filter is one stroke detector. How many does it need? Set <strong>Filters</strong> to <strong>2</strong>
(a new model starts) and train it.</p>`,
  'lesson.cnn.3.check': 'With at most {filters} filters, reach {value} % validation accuracy.',
  'lesson.cnn.3.done': 'Two stroke detectors are already enough for {value} %.',

  'lesson.cnn.4.title': 'Challenge: 98 %',
  'lesson.cnn.4': `<p>Back to 8 filters at <var>α</var> = 0.01: this model levels off near 97 %.</p>
<p><strong>Challenge:</strong> reach <strong>98 %</strong> validation accuracy within <strong>1000</strong> updates.
Choose the learning rate and the number of filters, press <strong>Reset</strong> and <strong>Play</strong>.</p>`,
  'lesson.cnn.4.check': 'Reach {value} % validation accuracy within {maxSteps} updates (Reset to try again).',
  'lesson.cnn.4.done': '{value} % within {maxSteps} updates: filters, ReLU and pooling read handwriting.',
};
