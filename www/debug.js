// Hidden test hooks (tests/e2e, tests/e2e/memory-soak.mjs); no control on
// the page reaches them, and they change nothing a learner can see:
//
//   document.dispatchEvent(new CustomEvent('descent:debug', { detail }))
//   detail = { type: 'crash' }            the worker fails as a trap inside wasm would
//   detail = { type: 'memory', reply }    reply({ bytes, step }): the wasm memory's size now
//   detail = { type: 'catalog', reply }   reply({ bundled, engine }): the catalog this page was
//                                         built with, and the worker's wasm catalog() now

import { catalog } from './catalog.js';

export function createDebugHooks({ send }) {
  const replies = { memory: [], catalog: [] };
  document.addEventListener('descent:debug', ({ detail }) => {
    if (detail?.type === 'crash') send({ type: 'debug-crash' });
    if ((detail?.type === 'memory' || detail?.type === 'catalog') && typeof detail.reply === 'function') {
      replies[detail.type].push(detail.reply);
      send({ type: detail.type });
    }
  });
  return {
    // Worker messages; true when handled here.
    onMessage(msg) {
      if (msg.type === 'memory') replies.memory.shift()?.({ bytes: msg.bytes, step: msg.step });
      else if (msg.type === 'catalog') replies.catalog.shift()?.({ bundled: catalog, engine: msg.catalog });
      else return false;
      return true;
    },
  };
}
