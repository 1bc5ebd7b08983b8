// The `preprocessing` lesson's words (lessons/preprocessing.js).

export default {
  'lesson.preprocessing.title': 'Preprocessing',
  'lesson.preprocessing.normalize.none': 'raw inputs',
  'lesson.preprocessing.normalize.standard': 'standardized inputs',
  'lesson.preprocessing.normalize.minmax': 'inputs scaled to [−1, 1]',
  'lesson.preprocessing.accuracy': 'validation accuracy',
  'lesson.preprocessing.file.rows': 'rows: {rows} in the file, {used} in use ({dropped} dropped, {filled} cells filled)',
  'lesson.preprocessing.file.inputs': 'inputs: {names}',

  'lesson.preprocessing.1.title': 'The article\'s rate, once more',
  'lesson.preprocessing.1': `<p>Back to the article's four points and its learning rate, α = 0.1. In lesson 1 this rate blew up, and we took a much
smaller one. But the rate was not the whole story: the <em>inputs</em> were.</p>
<p>Below, the engine computes the largest rate that still converges, 2 / <var>λ</var><sub>max</sub>, for the inputs the model sees, here
the raw ones. 0.1 is past it. Press <strong>Play</strong> and watch the loss climb until it diverges.</p>`,
  'lesson.preprocessing.1.check': 'Press Play and let α = 0.1 diverge on the raw inputs.',
  'lesson.preprocessing.1.done': 'Diverged: on the raw inputs, α = 0.1 is too large.',

  'lesson.preprocessing.2.title': 'Same data, same α, one change',
  'lesson.preprocessing.2': `<p>The inputs run from 1 to 5, all far from 0, so the weights and the bias pull against each other: the loss surface is a long,
narrow valley that a big step overshoots.</p>
<p><strong>Normalization</strong> fixes the inputs before training. <em>Standardizing</em> shifts each column to mean 0 and divides it by its
spread, <var>x</var>′ = (<var>x</var> − <var>μ</var>) / <var>σ</var>, with <var>μ</var> and <var>σ</var> measured on the training rows only.</p>
<p>The race trains two copies at α = 0.1: lane 1 on the raw inputs, lane 2 standardized. Press <strong>Play all</strong>.</p>`,
  'lesson.preprocessing.2.check': 'Race until lane {diverged} diverges and lane {winner} leads after {steps} steps with a loss below 0.001.',
  'lesson.preprocessing.2.done': 'Raw, α = 0.1 explodes; standardized, the same α converges.',

  'lesson.preprocessing.3.title': 'Why it works: the limit moves',
  'lesson.preprocessing.3': `<p>Now standardize the model's own inputs: set <strong>Normalization</strong> in the Data panel to standardize,
and watch the engine's limit below change. It is no longer the same valley.</p>
<p>Then press <strong>Play</strong>: the same α = 0.1 is now well inside the limit, and the loss falls in a few dozen updates.</p>`,
  'lesson.preprocessing.3.check': 'Standardize the inputs and train until the training loss is below {value}.',
  'lesson.preprocessing.3.done': 'Same data, same rate: standardized, it converges.',

  'lesson.preprocessing.4.title': 'A messy file',
  'lesson.preprocessing.4': `<p>Real data is rarely that tidy. Below are 30 students: hours of study, hours of sleep, minutes on the phone, their school,
and whether they passed. Copy all of it:</p>
<textarea readonly rows="5" cols="34" spellcheck="false" aria-label="The file: students, one a line">hours,sleep,phone,school,passed
3.0,5.0,135,south,no
2.1,4.8,135,east,no
10.1,,250,north,yes
2.8,6.9,95,north,no
9.2,5.7,15,east,yes
9.0,8.1,70,north,yes
3.8,7.3,NA,south,no
1.4,7.2,220,south,no
1.4,8.7,285,east,no
9.3,4.5,100,east,yes
2.5,6.4,100,south,no
1.4,?,95,east,no
eleven,5.4,140,north,yes
7.2,6.5,65,south,yes
2.6,6.0,275,north,no
7.9,5.7,,east,yes
9.6,5.0,65,south,yes
5.3,4.7,230,north,no
9.9,8.8,245,east,yes
10.6,NA,100,south,yes
10.6,8.0,140,east,yes
9.9,5.8,90,south,yes
4.3,6.5,125,south,no
11.0,7.1,150,north,yes
1.1,5.3,?,north,no
3.9,4.7,275,east,no
3.6,9.0,215,north,no
0.9,6.4,85,east,no
9.8,8.2,165,north,yes
0.8,5.6,85,east,no</textarea>
<p>In <strong>Your data</strong>, open <strong>Paste CSV text</strong>, paste it and press <strong>Load pasted text</strong>.
The engine refuses it, naming the row and the cell: one student's hours were typed as a word.
Fix that cell in the paste box (the number 11) and load it again.</p>`,
  'lesson.preprocessing.4.check': 'Paste the file, fix the cell the engine names, and load it.',
  'lesson.preprocessing.4.done': 'Loaded: the word fixed, the school one-hot encoded, the gaps counted.',

  'lesson.preprocessing.5.title': 'Challenge: keep every student',
  'lesson.preprocessing.5': `<p>The preview counts each column's missing cells (empty, <code>NA</code> and <code>?</code> alike), and
<code>school</code>, a category, became one input per value (below). But every row with a gap was <em>dropped</em>: a fifth of the file.</p>
<p><strong>Challenge:</strong> keep every row, and reach at least <strong>90 %</strong> validation accuracy on the students held out.
The <strong>Your data</strong> panel decides what happens to a missing value; then press <strong>Play</strong>.</p>`,
  'lesson.preprocessing.5.check': 'Keep every row (fill the gaps) and reach {value} % validation accuracy.',
  'lesson.preprocessing.5.done': 'Every student kept, gaps filled with the column mean, and the held-out students classified.',
};
