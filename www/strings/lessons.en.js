// The lessons' words in English, one file a lesson (strings/lessons/ID.en.js),
// joined into the one table (strings/en.js).

import linear from './lessons/linear.en.js';
import gradientDescent from './lessons/gradient-descent.en.js';
import logistic from './lessons/logistic.en.js';
import preprocessing from './lessons/preprocessing.en.js';
import building from './lessons/building.en.js';
import backprop from './lessons/backprop.en.js';
import validation from './lessons/validation.en.js';
import testing from './lessons/testing.en.js';
import cnn from './lessons/cnn.en.js';
import rnn from './lessons/rnn.en.js';
import interpretability from './lessons/interpretability.en.js';
import privacy from './lessons/privacy.en.js';
import compute from './lessons/compute.en.js';

export default { ...linear, ...gradientDescent, ...logistic, ...preprocessing, ...building, ...backprop, ...validation, ...testing, ...cnn, ...rnn, ...interpretability, ...privacy, ...compute };
