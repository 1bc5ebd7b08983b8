// The ONNX exporter in the offline file: the served page imports dist/onnx.js
// when first asked (www/export.js), but the offline file cannot import a
// file beside it, and a blob: module would need script-src blob:. So the
// exporter rides in the file as one more inline script (hashed, like the
// others) and leaves itself where export.js looks first.

import { toOnnx } from './onnx.js';

(globalThis.DESCENT_OFFLINE ??= {}).onnx = { toOnnx };
