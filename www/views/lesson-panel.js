// The lesson beside its views: which lesson and step, the step's text, its
// formula with live numbers, its check, and Back / Next / Skip. Draws what
// it is given (lesson-mode.js decides); every word comes from the table.

import { text } from '../strings/index.js';
import { setText, setAttr, setProp } from './dom.js';

// The notation's subscripts are English abbreviations in every language
// (α_max, J_val, n_test): marked so, a screen reader reading a Chinese
// lesson says "max" as a word, not as Chinese letters or spelled out.
function markSubscripts(el) {
  for (const sub of el.querySelectorAll('sub:not([lang])')) {
    if (/^[A-Za-z]{2,}$/.test(sub.textContent.trim())) sub.lang = 'en';
  }
}

export function createLessonPanel(root, intents) {
  const $ = (id) => root.querySelector(`[data-testid="${id}"]`);
  const el = {
    kicker: $('lesson-kicker'),
    progress: $('lesson-progress'),
    title: $('lesson-title'),
    stepTitle: $('lesson-step-title'),
    step: $('lesson-step'),
    formula: $('lesson-formula'),
    check: $('lesson-check'),
    prev: $('lesson-prev'),
    next: $('lesson-next'),
    skip: $('lesson-skip'),
    close: $('lesson-close'),
  };
  const panel = el.step.closest('[data-testid="lesson-panel"]');
  el.prev.addEventListener('click', () => intents.lessonMove(-1));
  el.next.addEventListener('click', () => intents.lessonMove(1));
  el.skip.addEventListener('click', () => intents.lessonMove(1, { skip: true }));
  el.close.addEventListener('click', () => intents.lessonClose());
  setAttr(el.skip, 'title', text('lesson.skip.title'));
  setText(el.next, text('lesson.next'));

  let shownStep = null; // `${id}:${n}`: the step's text is set only when it changes
  let shownFormula = null;

  // { lesson, n (from 1), order (the lesson's number), count (lessons), formula (HTML), passed, last (step), lastLesson }
  function draw({ lesson, n, order, count, formula, passed, last, lastLesson }) {
    const key = `lesson.${lesson.id}.${n}`;
    const total = lesson.steps.length;
    // Which lesson is shown, for tests and styles (the title is words).
    setAttr(panel, 'data-lesson', lesson.id);
    setText(el.kicker, text('lesson.kicker', { n: order, total: count }));
    setText(el.progress, text('lesson.progress', { n, total }));
    setText(el.title, text(`lesson.${lesson.id}.title`));
    if (shownStep !== key) {
      shownStep = key;
      setText(el.stepTitle, text(`${key}.title`));
      // Table HTML, written in strings/lessons/, never data.
      el.step.innerHTML = text(key);
      markSubscripts(el.step);
      shownFormula = null;
    }
    if (formula !== shownFormula) {
      shownFormula = formula;
      el.formula.innerHTML = formula; // the lesson's own markup around engine numbers
      markSubscripts(el.formula);
      el.formula.hidden = !formula;
    }
    const check = lesson.steps[n - 1].check;
    const state = passed ? 'passed' : 'pending';
    setAttr(el.check, 'data-state', state);
    setText(el.check, text('lesson.check.line', { state: text(`lesson.check.${state}`), check: text(`${key}.${passed ? 'done' : 'check'}`, check.vars) }));
    setProp(el.prev, 'disabled', n <= 1);
    setProp(el.next, 'disabled', !passed);
    setText(el.next, text(!last ? 'lesson.next' : lastLesson ? 'lesson.finishAll' : 'lesson.finish'));
    setProp(el.skip, 'hidden', passed);
  }

  // Another language: the step's words again at the next draw.
  function relabel() {
    shownStep = null;
    shownFormula = null;
    setAttr(el.skip, 'title', text('lesson.skip.title'));
  }

  return { draw, relabel };
}
