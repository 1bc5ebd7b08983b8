// Every name the page shows for something the engine offers, keyed by the
// catalog's id (`source.circle`, `optimizer.adamw`, `hyper.weightDecay`,
// `setting.tiles`, ...). The engine says what exists (www/catalog.js); this
// table says what a learner reads. tests/e2e/catalog.test.mjs fails when a
// catalog id has no entry here. Issues 14-15 turn every visible string into
// tables of this shape (one per language: en, zh-CN).
//
// `feature.*` entries are HTML (sub- and superscripts), written here and
// never taken from data; every other entry is plain text.

export default {
  // A CSV file's task and missing-value policy (catalog.tasks, catalog.missing).
  'task.classification': 'classification (classes)',
  'task.regression': 'regression (a number)',
  'missing.drop': 'drop the row',
  'missing.mean': "fill with the column's mean",
  // Data sets (catalog.sources) and the groups the picker sorts them into.
  'group.two-classes': 'Two classes',
  'group.many-classes': 'Many classes',
  'group.regression': 'Regression',
  'group.images': 'Images',
  'group.sequences': 'Sequences',
  'group.lessons': 'Lessons',
  'group.your-data': 'Your data',
  'source.circle': 'Circle',
  'source.xor': 'Exclusive or',
  'source.gauss': 'Two Gaussians',
  'source.spiral': 'Spiral',
  'source.moons': 'Moons',
  'source.checkerboard': 'Checkerboard',
  'source.blobs': 'Blobs',
  'source.spiral-k': 'Spiral arms',
  'source.reg-plane': 'Plane',
  'source.reg-gauss': 'Gaussian bumps',
  'source.sine': 'Sine (1-D)',
  'source.digits': 'Digits 8×8',
  'source.sine-seq': 'Sine sequence',
  'source.seq-majority': 'Majority of bits',
  'source.article-linear': 'Lesson 1: a line',
  'source.csv': 'Your data',

  // A data source's settings (catalog.sources[].settings).
  'setting.samples': 'Samples',
  'setting.noise': 'Noise',
  'setting.classes': 'Classes',
  'setting.window': 'Window',
  'setting.mix': 'mix in a second frequency',
  'setting.tiles': 'Tiles',

  // Models, activations, weight initializations.
  'model.linear': 'linear regression',
  'model.logistic': 'logistic / softmax',
  'model.mlp': 'neural network (MLP)',
  'model.cnn': 'convolutional network (CNN)',
  'model.rnn': 'recurrent network (RNN)',
  'activation.relu': 'ReLU',
  'activation.leaky-relu': 'leaky ReLU',
  'activation.elu': 'ELU',
  'activation.gelu': 'GELU',
  'activation.tanh': 'tanh',
  'activation.sigmoid': 'sigmoid',
  'activation.linear': 'linear',
  'init.auto': 'auto (Glorot for tanh, He for ReLU)',
  'init.glorot': 'Glorot',
  'init.he': 'He',
  'init.zeros': 'zeros',

  // Losses ('auto' is the page's: leave train.loss to the engine).
  'loss.auto': 'auto: cross-entropy for classes, else MSE',
  'loss.mse': 'mean squared error',
  'loss.cross-entropy': 'cross-entropy',

  // Optimizers and their hyperparameters (catalog.optimizers).
  'optimizer.sgd': 'SGD',
  'optimizer.momentum': 'momentum',
  'optimizer.rmsprop': 'RMSprop',
  'optimizer.adam': 'Adam',
  'optimizer.adagrad': 'Adagrad',
  'optimizer.adamw': 'AdamW',
  'hyper.momentum': 'Momentum β',
  'hyper.nesterov': 'Nesterov momentum',
  'hyper.rho': 'Decay ρ',
  'hyper.epsilon': 'Epsilon ε',
  'hyper.beta1': 'β₁ (first moment)',
  'hyper.beta2': 'β₂ (second moment)',
  'hyper.weightDecay': 'Weight decay λ',

  // Normalizations ('auto' is the page's: the data set's own default).
  'normalize.auto': 'data set default',
  'normalize.standard': 'standardize (mean 0, sd 1)',
  'normalize.minmax': 'min–max to [0, 1]',
  'normalize.none': 'none (raw)',

  // Input features (HTML).
  'feature.x1': 'x<sub>1</sub>',
  'feature.x2': 'x<sub>2</sub>',
  'feature.x1^2': 'x<sub>1</sub><sup>2</sup>',
  'feature.x2^2': 'x<sub>2</sub><sup>2</sup>',
  'feature.x1*x2': 'x<sub>1</sub>x<sub>2</sub>',
  'feature.sin(x1)': 'sin(x<sub>1</sub>)',
  'feature.sin(x2)': 'sin(x<sub>2</sub>)',

  // Layers as layerOutputs() names their kinds (an activation layer is
  // named by its activation).
  'layer.input': 'input',
  'layer.dense': 'dense',
  'layer.conv2d': 'convolution',
  'layer.maxpool': 'max-pool',
  'layer.flatten': 'flatten',
  'layer.dropout': 'dropout',
  'layer.rnn': 'recurrent',
};
