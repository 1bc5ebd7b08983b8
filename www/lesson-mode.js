// Lessons on the page (issue 14): the lesson open (settings.lesson and
// settings.lessonStep, in the link), its panel beside the views the step
// talks about, the step's check, and the teacher's controls (hide=,
// present=1). A lesson is data (lessons/*.js); this module only walks it.
//
// Layout: while a lesson is open, the panels the step shows move into the
// lesson stage (in <main>, beside the lesson's <aside>) in the step's order,
// each leaving a placeholder to come back to; every other panel is out of
// sight (style.css, body.in-lesson). Views keep their elements, so nothing
// is rebuilt.

import { LESSONS, lessonById, settingsAt } from './lessons/index.js';
import { createLessonPanel } from './views/lesson-panel.js';
import { text, fillTexts } from './strings/index.js';
import { formatNumber } from './format.js';
import { setProp } from './views/dom.js';
import { defaultSettings, fixSettings } from './state.js';

const fmt = (x) => formatNumber(x);

export function createLessonMode({ store, intents, change, applySettings, instruments, invalidate }) {
  const $ = (id) => document.querySelector(`[data-testid="${id}"]`);
  const aside = $('lesson-panel');
  const stage = $('lesson-stage');
  const menu = $('lesson-menu');
  fillTexts(aside);
  fillTexts(menu.parentElement);
  setProp(stage, 'ariaLabel', text('lesson.stage'));
  const panel = createLessonPanel(aside, intents);

  // The menu: every lesson, by number and title.
  const choose = document.createElement('option');
  choose.value = '';
  choose.textContent = text('lesson.menu.choose');
  menu.append(choose);
  LESSONS.forEach((l) => {
    const o = document.createElement('option');
    o.value = l.id;
    menu.append(o);
  });
  function labelMenu() {
    choose.textContent = text('lesson.menu.choose');
    [...menu.options].slice(1).forEach((o, i) => {
      o.textContent = text('lesson.menu.item', { n: i + 1, title: text(`lesson.${o.value}.title`) });
    });
  }
  labelMenu();
  menu.addEventListener('change', () => {
    if (menu.value) intents.lessonOpen(menu.value, 1);
    else intents.lessonClose();
  });

  // A check that held once stays passed for this visit of the step.
  let visit = null; // `${id}:${n}`
  let passed = false;

  Object.assign(intents, {
    // Open a lesson at step n: its setup as a learner walking there would have it.
    lessonOpen(id, n = 1) {
      const lesson = lessonById(id);
      if (!lesson) return;
      const s = store.get().settings;
      const base = { ...defaultSettings(), ...structuredClone(settingsAt(lesson, n)), lesson: id, lessonStep: n, hide: s.hide, present: s.present, large: s.large };
      applySettings(fixSettings(base).settings);
    },
    // Next (+1) once the check holds, Back (−1), or Skip (a teacher's +1 regardless).
    lessonMove(by, { skip = false } = {}) {
      const s = store.get();
      const lesson = lessonById(s.settings.lesson);
      if (!lesson) return;
      const n = s.settings.lessonStep;
      if (by > 0 && !passed && !skip) return;
      if (by > 0 && n >= lesson.steps.length) {
        // The last step's Next opens the next lesson; after the last lesson, the playground.
        const next = LESSONS[LESSONS.indexOf(lesson) + 1];
        if (next) intents.lessonOpen(next.id, 1);
        else intents.lessonClose();
        return;
      }
      const to = Math.max(1, Math.min(lesson.steps.length, n + by));
      if (to === n) return;
      if (by > 0) {
        // Forward: only what the new step itself sets; the learner's own changes stay.
        change({ ...(lesson.steps[to - 1].settings || {}), lessonStep: to });
      } else {
        // Back: the setup that step had.
        change({ ...settingsAt(lesson, to), lessonStep: to });
      }
    },
    lessonClose() {
      change({ lesson: null, lessonStep: 1, present: false });
    },
  });

  // A clicker (PageDown / PageUp) or the arrow keys move between steps in
  // presenter mode; a presenter is the teacher, so Next needs no check.
  addEventListener('keydown', (e) => {
    const st = store.get().settings;
    if (!st.lesson || !st.present || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.target instanceof HTMLElement && e.target.closest('input, select, textarea')) return;
    const by = e.key === 'PageDown' || e.key === 'ArrowRight' ? 1 : e.key === 'PageUp' || e.key === 'ArrowLeft' ? -1 : 0;
    if (!by) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    intents.lessonMove(by, { skip: true });
  }, { capture: true });

  // The browser going off or on line (the privacy lesson's formula and its
  // offline checks read navigator.onLine): draw the step again, even paused.
  const redraw = () => {
    if (store.get().settings.lesson) store.set({});
  };
  addEventListener('online', redraw);
  addEventListener('offline', redraw);

  // Panels moved into the stage, by testid → the placeholder they left.
  const moved = new Map();
  let staged = '';
  function stageOnly(ids) {
    const key = ids.join();
    if (key === staged) return;
    staged = key;
    for (const [id, mark] of moved) {
      if (ids.includes(id)) continue;
      mark.replaceWith($(id));
      moved.delete(id);
    }
    let at = 0;
    for (const id of ids) {
      const el = $(id);
      if (!el) continue;
      if (!moved.has(id)) {
        const mark = document.createComment(`lesson: ${id}`);
        el.replaceWith(mark);
        moved.set(id, mark);
      }
      // In the step's order; a panel already in its place stays attached
      // (moving it again rebuilds its whole subtree's style and layout).
      const here = stage.children[at] ?? null;
      if (here !== el) stage.insertBefore(el, here);
      at += 1;
    }
    invalidate(); // canvases moved: their next draw is at the new size
  }

  // hide=: the controls a teacher took away (with their label or field).
  let hidden = [];
  function hideControls(ids) {
    const want = ids.flatMap((id) => [...document.querySelectorAll(`[data-testid="${id}"]`)].flatMap(targetsOf));
    for (const el of hidden) if (!want.includes(el)) el.classList.remove('teacher-hidden');
    for (const el of want) el.classList.add('teacher-hidden');
    hidden = want;
  }

  return {
    relabel() {
      labelMenu();
      setProp(stage, 'ariaLabel', text('lesson.stage'));
      panel.relabel();
    },
    draw(s) {
      const st = s.settings;
      const lesson = lessonById(st.lesson);
      const body = document.body;
      body.classList.toggle('in-lesson', !!lesson);
      body.classList.toggle('presenting', !!lesson && st.present);
      setProp(aside, 'hidden', !lesson);
      if (menu.value !== (lesson?.id ?? '')) menu.value = lesson?.id ?? '';
      const step = lesson?.steps[st.lessonStep - 1];
      hideControls([...st.hide, ...(step?.hide || [])]);
      if (!lesson || !step) {
        stageOnly([]);
        visit = null;
        return;
      }
      stageOnly(step.show);
      const here = `${lesson.id}:${st.lessonStep}`;
      if (here !== visit) {
        visit = here;
        passed = false;
      }
      const ctx = { instruments: instruments()?.lessonStatus() ?? null };
      if (!passed && s.ready) passed = !!step.check.holds(s, ctx);
      let formula = '';
      try {
        formula = step.formula ? step.formula(s, fmt) : '';
      } catch {
        formula = ''; // a frame without what the formula reads yet
      }
      panel.draw({
        lesson,
        n: st.lessonStep,
        order: LESSONS.indexOf(lesson) + 1,
        count: LESSONS.length,
        formula,
        passed,
        last: st.lessonStep === lesson.steps.length,
        lastLesson: lesson === LESSONS[LESSONS.length - 1],
      });
    },
  };
}

// What hiding a control takes away: its field (label and all), its toggle
// label, or the control and the label that names it.
function targetsOf(el) {
  const field = el.closest('.field, label.toggle');
  if (field) return [field];
  const label = el.id ? document.querySelector(`label[for="${el.id}"]`) : null;
  return label ? [el, label] : [el];
}
