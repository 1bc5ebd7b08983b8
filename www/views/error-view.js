// The error region: empty when all is well (tests rely on that), else one
// message a learner can act on. role="alert" makes screen readers say it.

export function createErrorView(el) {
  return {
    draw({ message }) {
      if (el.textContent !== message) el.textContent = message;
    },
  };
}
