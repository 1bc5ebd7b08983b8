// Hidden test hooks (tests/e2e, tests/e2e/memory-soak.mjs); no control on
// the page reaches them, and they change nothing a learner can see:
//
//   document.dispatchEvent(new CustomEvent('descent:debug', { detail }))
//   detail = { type: 'crash' }            the worker fails as a trap inside wasm would
//   detail = { type: 'memory', reply }    reply({ bytes, step }): the wasm memory's size now

export function createDebugHooks({ send }) {
  const replies = [];
  document.addEventListener('descent:debug', ({ detail }) => {
    if (detail?.type === 'crash') send({ type: 'debug-crash' });
    if (detail?.type === 'memory' && typeof detail.reply === 'function') {
      replies.push(detail.reply);
      send({ type: 'memory' });
    }
  });
  return {
    // Worker messages; true when handled here.
    onMessage(msg) {
      if (msg.type !== 'memory') return false;
      replies.shift()?.({ bytes: msg.bytes, step: msg.step });
      return true;
    },
  };
}
