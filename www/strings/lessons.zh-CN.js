// The lessons' words in Simplified Chinese (简体中文), one file a lesson (strings/lessons/ID.zh-CN.js),
// joined into the one table (strings/zh-CN.js).

import linear from './lessons/linear.zh-CN.js';
import gradientDescent from './lessons/gradient-descent.zh-CN.js';
import logistic from './lessons/logistic.zh-CN.js';
import preprocessing from './lessons/preprocessing.zh-CN.js';
import building from './lessons/building.zh-CN.js';
import backprop from './lessons/backprop.zh-CN.js';
import validation from './lessons/validation.zh-CN.js';
import testing from './lessons/testing.zh-CN.js';
import cnn from './lessons/cnn.zh-CN.js';
import rnn from './lessons/rnn.zh-CN.js';
import interpretability from './lessons/interpretability.zh-CN.js';
import privacy from './lessons/privacy.zh-CN.js';
import compute from './lessons/compute.zh-CN.js';

export default { ...linear, ...gradientDescent, ...logistic, ...preprocessing, ...building, ...backprop, ...validation, ...testing, ...cnn, ...rnn, ...interpretability, ...privacy, ...compute };
