// DOM writes that skip no-ops. The views redraw many times a second while
// training; writing the same text or attribute again still costs a style
// recalculation (and often a layout), which at top speed is the difference
// between a smooth page and a stalled one.

export function setText(el, text) {
  if (el.textContent !== text) el.textContent = text;
}

export function setAttr(el, name, value) {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

export function setProp(el, name, value) {
  if (el[name] !== value) el[name] = value;
}
