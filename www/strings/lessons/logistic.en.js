// The `logistic` lesson's words (lessons/logistic.js).

export default {
  'lesson.logistic.title': 'Logistic regression',
  'lesson.logistic.accuracy': 'validation accuracy',

  'lesson.logistic.1.title': 'A probability from a line',
  'lesson.logistic.1': `<p>Now the answer is a class, not a number: is a point in class 1 (<var>y</var> = 1, blue)
or in class 0 (<var>y</var> = 0, orange)? <strong>Logistic regression</strong> computes the same
score as linear regression, <var>z</var> = <var>w</var><sup>T</sup><var>x</var> + <var>b</var>, and squashes it into a probability
with the <strong>sigmoid</strong> σ(<var>z</var>) = 1 / (1 + <var>e</var><sup>−<var>z</var></sup>): near 0 for a very negative score,
0.5 at <var>z</var> = 0, near 1 for a very positive one.</p>
<p>Press <strong>Play</strong>. The loss is now the cross-entropy, which punishes a confident wrong answer hard.
Watch the Output panel: the shading is the model's probability over the plane, and it swings round until each cloud sits on its own colour.</p>`,
  'lesson.logistic.1.check': 'Train until the validation accuracy is at least {value} %.',
  'lesson.logistic.1.done': 'The two clouds are separated.',

  'lesson.logistic.2.title': 'The boundary is a line',
  'lesson.logistic.2': `<p>The model says "blue" where <var>P</var> &gt; 0.5, that is where <var>z</var> &gt; 0. So the
<strong>decision boundary</strong> is where <var>w</var><sup>T</sup><var>x</var> + <var>b</var> = 0: with two inputs, a straight line.
Below it is written with the model's own weights; tick <strong>discretize</strong> on the Output panel to see the two half-planes it makes.</p>
<p>Now make the classes overlap: drag the data's <strong>Noise</strong> to 30 % or more and train again.
No line can now get every point right. Logistic regression still puts its line where the mistakes cost least,
and the probabilities near the line fall toward 0.5: the model says how unsure it is.</p>`,
  'lesson.logistic.2.check': 'Set the noise to at least {noise} % and train for {n} updates.',
  'lesson.logistic.2.done': 'With overlapping clouds the best line still makes a few mistakes.',

  'lesson.logistic.3.title': 'What a line cannot do',
  'lesson.logistic.3': `<p>Choose the <strong>Circle</strong> data set: one class inside a ring of the other. Train it for a while.</p>
<p>Whatever <var>w</var> and <var>b</var> become, <var>w</var><sup>T</sup><var>x</var> + <var>b</var> = 0 stays a straight line,
and any line leaves about half of the ring on the wrong side. The accuracy stays near chance, and the loss hardly moves:
the model is not training badly, it <em>cannot</em> draw the boundary this data needs.</p>`,
  'lesson.logistic.3.check': 'Train logistic regression on the circle for {n} updates.',
  'lesson.logistic.3.done': 'Stuck near chance: a line cannot separate a circle.',

  'lesson.logistic.4.title': 'Challenge: separate the circle',
  'lesson.logistic.4': `<p><strong>Challenge:</strong> keep the model a logistic regression, and reach at least <strong>90 %</strong>
validation accuracy on the circle.</p>
<p>The model is linear in its <em>inputs</em>, and you choose the inputs. A circle is
<var>x</var><sub>1</sub><sup>2</sup> + <var>x</var><sub>2</sub><sup>2</sup> = <var>r</var><sup>2</sup>: which <strong>input features</strong>
would let a weighted sum draw one? Tick them in the Data panel and train. The boundary below stays a sum of weighted features equal to 0,
but on the plane it is no longer a line.</p>`,
  'lesson.logistic.4.check': 'With a logistic model, reach {value} % validation accuracy on the circle.',
  'lesson.logistic.4.done': 'Separated: squared features let a linear model draw a circle.',
};
