// A canvas to draw a digit on, with the mouse, a finger or a pen (pointer
// events cover all three; `touch-action: none` keeps a finger from
// scrolling the page instead). It keeps the strokes, in the pad's CSS
// pixels, and calls onChange(strokes, padSize) as they grow; turning them
// into the model's input is digit-raster.js's job.

import { prepareCanvas, palette } from './plot.js';
import { text } from '../strings/index.js';

export function createDrawPad(canvas, clearButton, { onChange }) {
  let strokes = [];
  let active = null; // { id, points } while a pointer is down
  let size = 1;

  const pointOf = (e) => {
    const r = canvas.getBoundingClientRect();
    size = r.width || 1;
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  const changed = () => onChange(strokes, size);

  canvas.addEventListener('pointerdown', (e) => {
    if (e.pointerType === 'mouse' && e.button !== 0) return;
    if (active) return; // one stroke at a time (a second finger is ignored)
    e.preventDefault();
    try {
      canvas.setPointerCapture(e.pointerId); // keep the stroke when it leaves the pad
    } catch {
      // A pointer the browser no longer tracks: the stroke still works inside the pad.
    }
    active = { id: e.pointerId, points: [pointOf(e)] };
    strokes = [...strokes, active.points];
    draw();
    changed();
  });
  canvas.addEventListener('pointermove', (e) => {
    if (!active || e.pointerId !== active.id) return;
    // Coalesced events: the pen's full path, not one point a frame.
    const events = e.getCoalescedEvents?.() || [];
    for (const ev of events.length ? events : [e]) active.points.push(pointOf(ev));
    draw();
    changed();
  });
  const end = (e) => {
    if (!active || e.pointerId !== active.id) return;
    active = null;
    changed();
  };
  canvas.addEventListener('pointerup', end);
  canvas.addEventListener('pointercancel', end);
  clearButton.addEventListener('click', () => clear());
  // Also the first draw: once the pad is laid out with a size (its panel is
  // hidden until a CNN is chosen), so building it forces no layout.
  new ResizeObserver(() => draw()).observe(canvas);

  function clear() {
    strokes = [];
    active = null;
    draw();
    changed();
  }

  function draw() {
    const { ctx, width, height } = prepareCanvas(canvas);
    const colors = palette();
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, width, height);
    if (!strokes.length) {
      ctx.fillStyle = colors.muted;
      ctx.font = colors.font;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText(text('cnn.pad.empty'), width / 2, height / 2);
      return;
    }
    ctx.strokeStyle = colors.ink;
    ctx.fillStyle = colors.ink;
    ctx.lineWidth = Math.max(6, width * 0.07);
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    for (const s of strokes) {
      ctx.beginPath();
      if (s.length === 1) {
        ctx.arc(s[0].x, s[0].y, ctx.lineWidth / 2, 0, 2 * Math.PI);
        ctx.fill();
        continue;
      }
      ctx.moveTo(s[0].x, s[0].y);
      for (let i = 1; i < s.length; i++) ctx.lineTo(s[i].x, s[i].y);
      ctx.stroke();
    }
  }

  return {
    clear,
    redraw: () => draw(), // the empty pad's words, after a language switch
    get empty() {
      return strokes.length === 0;
    },
  };
}
