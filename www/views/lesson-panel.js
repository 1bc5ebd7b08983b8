// The lesson beside its views: which lesson and step, the step's text, its
// formula with live numbers, its check, and Back / Next / Skip. Draws what
// it is given (lesson-mode.js decides); every word comes from the table.

import { text } from '../strings/index.js';
import { setText, setAttr, setProp } from './dom.js';

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
    setText(el.kicker, text('lesson.kicker', { n: order, total: count }));
    setText(el.progress, text('lesson.progress', { n, total }));
    setText(el.title, text(`lesson.${lesson.id}.title`));
    if (shownStep !== key) {
      shownStep = key;
      setText(el.stepTitle, text(`${key}.title`));
      // Table HTML, written in strings/lessons/, never data.
      el.step.innerHTML = text(key);
      shownFormula = null;
    }
    if (formula !== shownFormula) {
      shownFormula = formula;
      el.formula.innerHTML = formula; // the lesson's own markup around engine numbers
      el.formula.hidden = !formula;
    }
    const check = lesson.steps[n - 1].check;
    const state = passed ? 'passed' : 'pending';
    setAttr(el.check, 'data-state', state);
    setText(el.check, `${text(`lesson.check.${state}`)}: ${text(`${key}.${passed ? 'done' : 'check'}`, check.vars)}`);
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
