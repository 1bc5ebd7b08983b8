// The network diagram: input features, hidden units and outputs in columns;
// every edge coloured by its weight's sign (blue +, orange −) and as wide as
// the weight is large. For the 2-D sets each unit carries a thumbnail of its
// own output over the input plane (as in TensorFlow Playground); for digits
// a first-layer unit shows its 64 incoming weights as an 8×8 image.
// Hovering an edge shows its weight; hovering a unit tells main.js, which
// then shows that unit's output large in the Output panel. From the
// keyboard, the focused diagram's arrow keys walk its units and edges and
// do the same.

import { prepareCanvas, palette, canvasSize, onResize } from './plot.js';
import { BLUE, ORANGE, css, diverging, classShade } from './colors.js';
import { formatNumber } from '../format.js';
import { setAttr } from './dom.js';
import { modelEntry } from '../catalog.js';
import { text } from '../strings/index.js';

const MAX_SHOWN = 10; // units drawn per column; the rest are counted
const HEAD = 44; // room for the column titles (two lines)

export function createNetworkView(root, intents) {
  const canvas = root.querySelector('[data-testid="network-view"]');
  const tip = root.querySelector('[data-testid="network-tooltip"]');
  const tile = document.createElement('canvas');
  let last = null;
  let layout = null;
  let hover = null; // { kind: 'node' | 'edge', ... }

  onResize(canvas, () => last && draw(last));

  canvas.addEventListener('pointermove', (e) => {
    if (!layout) return;
    const r = canvas.getBoundingClientRect();
    setHover(hitTest(layout, e.clientX - r.left, e.clientY - r.top), e.clientX, e.clientY);
  });
  canvas.addEventListener('pointerleave', () => setHover(null));

  // The keyboard: the arrow keys walk the units (column by column), then
  // the edges, as the pointer would hover them; Home and End jump to the
  // ends, Escape lets go. The tooltip is the canvas's description and a
  // polite live region, so a screen reader reads each one as it is shown.
  let focusIndex = -1;
  const KEYS = ['ArrowRight', 'ArrowLeft', 'ArrowDown', 'ArrowUp', 'Home', 'End', 'Escape'];
  canvas.addEventListener('keydown', (e) => {
    if (!layout || !KEYS.includes(e.key) || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    e.stopPropagation(); // → is also the page's "one step"
    const targets = [...layout.nodes.map(nodeTarget), ...layout.edges.map(edgeTarget)];
    const n = targets.length;
    if (e.key === 'Escape' || !n) {
      focusIndex = -1;
      setHover(null);
      return;
    }
    const forward = e.key === 'ArrowRight' || e.key === 'ArrowDown';
    if (e.key === 'Home') focusIndex = 0;
    else if (e.key === 'End') focusIndex = n - 1;
    else if (focusIndex < 0 || focusIndex >= n) focusIndex = forward ? 0 : n - 1;
    else focusIndex = (focusIndex + (forward ? 1 : -1) + n) % n;
    const t = targets[focusIndex];
    const at = t.kind === 'node' ? t.node : t.edge.pts[Math.floor(t.edge.pts.length / 2)];
    const [x, y] = Array.isArray(at) ? at : [at.x, at.y];
    const r = canvas.getBoundingClientRect();
    setHover(t, r.left + x, r.top + y);
  });
  canvas.addEventListener('focus', () => {
    focusIndex = -1;
  });
  canvas.addEventListener('blur', () => setHover(null));

  // What the pointer or the keyboard is on (null: nothing), at client (x, y).
  function setHover(hit, x = 0, y = 0) {
    const same = hit && hover && hit.kind === hover.kind && hit.key === hover.key;
    if (same) return moveTip(x, y);
    if (!hit && !hover) return;
    hover = hit;
    showTip(x, y);
    intents.focus(hit && hit.kind === 'node' && !hit.node.collapsed ? focusOf(hit.node) : null);
    if (last) draw(last);
  }

  function focusOf(node) {
    return { col: node.col, unit: node.unit, label: node.title };
  }

  function showTip(x, y) {
    if (!hover) {
      tip.hidden = true;
      return;
    }
    tip.textContent = hover.text();
    tip.hidden = false;
    moveTip(x, y);
  }
  function moveTip(x, y) {
    if (!hover) return;
    tip.textContent = hover.text();
    const box = root.getBoundingClientRect();
    tip.style.left = `${Math.max(0, Math.min(x - box.left + 14, box.width - tip.offsetWidth - 4))}px`;
    tip.style.top = `${y - box.top + 16}px`;
  }

  function draw(props) {
    last = props;
    if (!props.info || !props.params) {
      prepareCanvas(canvas);
      return;
    }
    const net = describe(props);
    const colors = palette(canvas);
    // Tall enough for the tallest column at the node size the width allows,
    // so a 2-unit network is not lost in white space and a 10-unit one is
    // not squeezed.
    const font = parseFloat(colors.font);
    const most = Math.max(...net.columns.map((c) => (c.collapsed ? 2 : Math.min(c.size, MAX_SHOWN))));
    const size = nodeSize(net, canvasSize(canvas).width || 400, colors);
    const want = Math.round(Math.max(220, Math.min(680, HEAD + font * 2.6 + most * size * 1.45)));
    if (canvas.style.height !== `${want}px`) canvas.style.height = `${want}px`;
    const { ctx, width, height } = prepareCanvas(canvas, { height: want });
    layout = place(net, width, height, colors);
    // Where the columns are, for tests and anyone inspecting the page.
    setAttr(canvas, 'data-columns', layout.columns.map((c) => Math.round(c.x)).join(','));
    // The input names as drawn, and where the leftmost starts (0 or more: on the canvas).
    const inputs = layout.columns[0].nodes;
    setAttr(canvas, 'data-input-names', inputs.map((n) => n.name).join('|'));
    if (!inputs[0].collapsed) setAttr(canvas, 'data-names-left', String(Math.floor(Math.min(...inputs.map((n) => n.x - n.size / 2 - LABEL_GAP - textWidth(n.name, colors.font))))));
    const cols = net.columns.map((c) => text(`network.describe.${c.kind}`, { n: c.size })).join(text('network.describe.then'));
    setAttr(canvas, 'aria-label', text('network.label', { columns: cols, keys: text('network.keys') }));

    // Edges under the nodes, the hovered one last and outlined.
    ctx.lineCap = 'round';
    for (const edge of layout.edges) if (hover?.edge !== edge) stroke(ctx, edge, false);
    if (hover?.kind === 'edge') stroke(ctx, hover.edge, true);

    ctx.font = colors.font;
    for (const node of layout.nodes) drawNode(ctx, node, props, net, colors, tile, hover?.node === node);

    // Column titles, and "+N more" under a cut column.
    ctx.fillStyle = colors.ink;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    for (const col of layout.columns) {
      ctx.fillStyle = colors.ink;
      ctx.fillText(col.title, col.x, 4);
      ctx.fillStyle = colors.muted;
      ctx.fillText(col.subtitle, col.x, 4 + parseFloat(colors.font) * 1.15);
      if (col.hidden > 0) ctx.fillText(text('network.more', { n: col.hidden }), col.x, col.bottom + 6);
    }
    if (hover && tip.textContent !== hover.text()) tip.textContent = hover.text();
  }

  // After a language switch: the names are made again from the last props.
  const relabel = () => last && draw(last);

  return { draw, relabel };
}

// The network as columns of units and the weight matrices between them.
function describe(props) {
  const { info, params, units } = props;
  // The dense layers' weights and biases, by the layer they belong to.
  const dense = [];
  for (const p of params) {
    if (p.kind !== 'dense' || (p.role !== 'weight' && p.role !== 'bias')) continue;
    let layer = dense.find((d) => d.index === p.layer);
    if (!layer) dense.push((layer = { index: p.layer }));
    layer[p.role] = p;
  }
  dense.sort((a, b) => a.index - b.index);
  // Hidden layers exist (and have the chosen activation) only in the kind
  // whose model.hidden is a list of layers.
  const activation = modelEntry(props.kind)?.hidden === 'layers' ? props.activation : null;
  const columns = [
    {
      kind: 'input',
      size: info.featureNames.length,
      names: info.featureNames,
      title: text('network.features'),
      subtitle: text(info.featureNames.length === 1 ? 'network.input' : 'network.inputs', { n: info.featureNames.length }),
      collapsed: info.featureNames.length > MAX_SHOWN,
    },
  ];
  dense.forEach((d, i) => {
    const out = d.weight.shape[1];
    const isOut = i === dense.length - 1;
    columns.push({
      kind: isOut ? 'output' : 'hidden',
      size: out,
      title: isOut ? text('network.output') : text('network.layer', { n: i + 1 }),
      subtitle: isOut ? outputSubtitle(info) : text(out === 1 ? 'network.unit' : 'network.units', { n: out }),
      names: isOut ? outputNames(info) : Array.from({ length: out }, (_, u) => text('network.unitName', { n: u + 1 })),
      weight: d.weight,
      bias: d.bias,
    });
  });
  // Thumbnails: columns of `units` line up with these columns when present.
  const pictures = units && units.layers.length === columns.length ? units : null;
  return { columns, pictures, images: !!info.inputShape, activation, task: info.task, classes: info.classes };
}

function outputSubtitle(info) {
  if (info.task === 'regression') return text('network.value');
  return info.classes.length === 2 ? text('network.p1') : text('network.classes', { n: info.classes.length });
}

function outputNames(info) {
  if (info.task === 'regression') return ['ŷ'];
  if (info.classes.length === 2) return ['P(1)'];
  return info.classes.map((c) => `P(${c})`);
}

// Where every node and edge goes for this canvas size.
function place(net, width, height, colors) {
  const font = parseFloat(colors.font);
  const n = net.columns.length;
  const { leftRoom, rightRoom } = margins(net, width, colors);
  const top = HEAD + font * 0.9;
  const avail = height - top - font * 1.7;
  const size = nodeSize(net, width, colors);
  const columns = [];
  const nodes = [];
  net.columns.forEach((c, ci) => {
    const x = n === 1 ? width / 2 : leftRoom + size / 2 + ci * ((width - leftRoom - rightRoom - size) / (n - 1));
    const shown = c.collapsed ? 1 : c.size > MAX_SHOWN ? MAX_SHOWN - 1 : c.size;
    const pitch = Math.min(size * 1.45, avail / shown);
    const y0 = top + (avail - pitch * (shown - 1)) / 2;
    const col = { ...c, x, title: c.title, subtitle: c.subtitle, hidden: c.collapsed ? 0 : c.size - shown, nodes: [] };
    for (let u = 0; u < shown; u++) {
      const node = {
        col: ci,
        unit: c.collapsed ? -1 : u,
        x,
        y: y0 + u * pitch,
        size: c.collapsed ? size * 1.4 : size,
        kind: c.kind,
        collapsed: c.collapsed,
        // Too many inputs to draw one by one: an image's pixels, or a sequence's steps.
        // Input and output names are drawn beside their column; one that
        // does not fit there is cut (the tooltip has it whole).
        count: c.size,
        pixels: net.images,
        name: c.collapsed ? text(net.images ? 'network.pixels' : 'network.inputs', { n: c.size })
          : c.kind === 'hidden' ? c.names[u]
          : fitText(c.names[u], (c.kind === 'input' ? leftRoom : rightRoom) - LABEL_GAP - 4, colors.font),
        title: text(`network.title.${c.kind}`, { name: c.names[u], layer: ci, n: u + 1 }),
        bias: c.bias ? c.bias.values[u] : null,
      };
      col.nodes.push(node);
      nodes.push(node);
    }
    col.bottom = col.nodes[col.nodes.length - 1].y + col.nodes[col.nodes.length - 1].size / 2;
    columns.push(col);
  });
  const edges = [];
  for (let ci = 1; ci < columns.length; ci++) {
    const from = columns[ci - 1];
    const to = columns[ci];
    const W = to.weight;
    const outs = W.shape[1];
    for (const b of to.nodes) {
      for (const a of from.nodes) {
        const w = a.collapsed ? null : W.values[a.unit * outs + b.unit];
        edges.push({ a, b, w, key: `${ci}:${a.unit}:${b.unit}`, pts: curve(a, b) });
      }
    }
  }
  return { columns, nodes, edges, size };
}

const LABEL_GAP = 6; // between a node and its name

// Room beside the first and last columns for their names: as wide as the
// longest name, but at most a quarter of the canvas each, so that long names
// (a CSV's one-hot inputs, "colour=blue") neither crowd the network out nor
// run off the edge.
function margins(net, width, colors) {
  const font = parseFloat(colors.font);
  const room = (names) => {
    const widest = Math.max(0, ...names.map((t) => textWidth(t, colors.font)));
    return Math.min(Math.max(font * 3, width * 0.25), Math.max(font * 2.5, widest + LABEL_GAP + 4));
  };
  const first = net.columns[0];
  const last = net.columns[net.columns.length - 1];
  return { leftRoom: first.collapsed ? 16 : room(first.names), rightRoom: room(last.names) };
}

const measurer = document.createElement('canvas').getContext('2d');
function textWidth(text, font) {
  measurer.font = font;
  return measurer.measureText(text).width;
}

// `text`, or an ellipsis and as much of its end as fits in `room` pixels:
// the end is what tells names apart ("…=blue", "…=green" for one column's
// one-hot inputs).
function fitText(text, room, font) {
  if (textWidth(text, font) <= room) return text;
  let n = text.length - 1;
  while (n > 1 && textWidth(`…${text.slice(-n)}`, font) > room) n -= 1;
  return `…${text.slice(-n)}`;
}

// Nodes as large as the gaps between columns allow (pictures need room).
function nodeSize(net, width, colors) {
  const font = parseFloat(colors.font);
  const { leftRoom, rightRoom } = margins(net, width, colors);
  const pitchX = (width - leftRoom - rightRoom) / Math.max(1, net.columns.length - 1);
  return Math.max(14, Math.min(net.pictures || net.images ? 52 : 30, pitchX * 0.42));
}

// Playground's S-shaped links, as a few straight pieces (drawn and hit-tested alike).
function curve(a, b) {
  const x0 = a.x + a.size / 2;
  const x1 = b.x - b.size / 2;
  const pts = [];
  for (let i = 0; i <= 12; i++) {
    const t = i / 12;
    const u = 1 - t;
    const mx = (x0 + x1) / 2;
    const x = u * u * u * x0 + 3 * u * u * t * mx + 3 * u * t * t * mx + t * t * t * x1;
    const y = u * u * u * a.y + 3 * u * u * t * a.y + 3 * u * t * t * b.y + t * t * t * b.y;
    pts.push([x, y]);
  }
  return pts;
}

function stroke(ctx, edge, highlight) {
  const w = edge.w;
  ctx.beginPath();
  ctx.moveTo(edge.pts[0][0], edge.pts[0][1]);
  for (let i = 1; i < edge.pts.length; i++) ctx.lineTo(edge.pts[i][0], edge.pts[i][1]);
  if (w == null) {
    ctx.strokeStyle = 'rgba(120, 130, 140, 0.25)';
    ctx.lineWidth = 1;
  } else {
    const mag = Math.min(Math.abs(w), 4);
    // Playground's scale: width grows with |w| up to a cap; faint when tiny.
    ctx.strokeStyle = css(w >= 0 ? BLUE : ORANGE, highlight ? 1 : Math.min(1, 0.25 + mag * 0.6));
    ctx.lineWidth = 0.6 + mag * 1.6;
  }
  if (highlight) {
    ctx.save();
    ctx.strokeStyle = '#1d232a';
    ctx.lineWidth += 3;
    ctx.stroke();
    ctx.restore();
    ctx.strokeStyle = css(w == null || w >= 0 ? BLUE : ORANGE);
  }
  ctx.stroke();
}

function drawNode(ctx, node, props, net, colors, tile, hovered) {
  const { x, y, size } = node;
  const left = x - size / 2;
  const top = y - size / 2;
  const painted = paintThumbnail(ctx, node, props, net, tile, left, top, size);
  if (!painted) {
    // No picture: a plain unit, the output tinted by its class.
    ctx.fillStyle = node.kind === 'output' && net.task === 'classification' && net.classes.length > 2 ? css(classShade(node.unit, 0.55)) : '#f4f6f8';
    ctx.fillRect(left, top, size, size);
    if (node.collapsed) {
      ctx.fillStyle = colors.ink;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText(net.images ? '8×8' : node.name.split(' ')[0], x, y);
    }
  }
  ctx.lineWidth = hovered ? 3 : 1;
  ctx.strokeStyle = hovered ? '#1d232a' : colors.muted;
  ctx.strokeRect(left + 0.5, top + 0.5, size - 1, size - 1);
  // The bias, as Playground draws it: a small square at the unit's lower left.
  if (node.bias != null && Number.isFinite(node.bias)) {
    const b = Math.max(5, size * 0.16);
    ctx.fillStyle = css(diverging(Math.tanh(node.bias)));
    ctx.fillRect(left - b / 2, top + size - b / 2, b, b);
    ctx.strokeStyle = colors.muted;
    ctx.lineWidth = 1;
    ctx.strokeRect(left - b / 2, top + size - b / 2, b, b);
  }
  // Feature names to the left of the inputs, output names to the right.
  ctx.fillStyle = colors.ink;
  ctx.textBaseline = 'middle';
  if (node.kind === 'input') {
    ctx.textAlign = node.collapsed ? 'center' : 'right';
    if (node.collapsed) ctx.fillText(node.name, x, top + size + 12);
    else ctx.fillText(node.name, left - LABEL_GAP, y);
  } else if (node.kind === 'output') {
    ctx.textAlign = 'left';
    ctx.fillText(node.name, left + size + LABEL_GAP, y);
  }
}

// The unit's own output over the plane (2-D), along x (1-D), or its
// incoming weights as an image (digits, first layer). False if none.
function paintThumbnail(ctx, node, props, net, tile, left, top, size) {
  if (node.collapsed) return paintMeanDigit(ctx, props, tile, left, top, size);
  const pics = net.pictures;
  if (pics && pics.dims === 2) {
    const layer = pics.layers[node.col];
    const res = pics.res;
    if (tile.width !== res) tile.width = tile.height = res;
    const tctx = tile.getContext('2d');
    const image = imageData(tctx, res);
    paintUnitValues(image, layer.values, layer.width, node.unit, node.kind === 'output' ? net : null);
    tctx.putImageData(image, 0, 0);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(tile, left, top, size, size);
    return true;
  }
  if (pics && pics.dims === 1) {
    const layer = pics.layers[node.col];
    ctx.fillStyle = '#f8f9fa';
    ctx.fillRect(left, top, size, size);
    const n = layer.values.length / layer.width;
    let m = 1e-9;
    for (let i = 0; i < n; i++) m = Math.max(m, Math.abs(layer.values[i * layer.width + node.unit]));
    ctx.strokeStyle = css(node.kind === 'output' ? [29, 35, 42] : BLUE);
    ctx.lineWidth = 1.8;
    ctx.beginPath();
    for (let i = 0; i < n; i++) {
      const v = layer.values[i * layer.width + node.unit] / m;
      const px = left + 2 + (i / (n - 1)) * (size - 4);
      const py = top + size / 2 - v * (size / 2 - 3);
      if (i) ctx.lineTo(px, py);
      else ctx.moveTo(px, py);
    }
    ctx.stroke();
    return true;
  }
  if (net.images && node.col === 1) {
    // First-layer weights of a digits unit, as the 8×8 image they respond to.
    const W = net.columns[1].weight;
    const outs = W.shape[1];
    const side = Math.round(Math.sqrt(W.shape[0]));
    if (side * side !== W.shape[0]) return false;
    if (tile.width !== side) tile.width = tile.height = side;
    const tctx = tile.getContext('2d');
    const image = imageData(tctx, side);
    let m = 1e-9;
    for (let i = 0; i < W.shape[0]; i++) m = Math.max(m, Math.abs(W.values[i * outs + node.unit]));
    const c = [0, 0, 0];
    for (let i = 0; i < W.shape[0]; i++) {
      diverging(W.values[i * outs + node.unit] / m, c);
      image.data.set([c[0], c[1], c[2], 255], i * 4);
    }
    tctx.putImageData(image, 0, 0);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(tile, left, top, size, size);
    return true;
  }
  return false;
}

// One ImageData per size, reused: dozens of thumbnails a frame should not
// feed the garbage collector.
const images = new Map();
function imageData(ctx, n) {
  if (!images.has(n)) images.set(n, ctx.createImageData(n, n));
  return images.get(n);
}

// The digits' 64 inputs as one node: the 8×8 pixel grid itself.
function paintMeanDigit(ctx, props, tile, left, top, size) {
  const s = props.sampleImage;
  if (!s) return false;
  const side = Math.round(Math.sqrt(s.length));
  if (side * side !== s.length) return false;
  let ink = 1e-9;
  for (const v of s) ink = Math.max(ink, v);
  if (tile.width !== side) tile.width = tile.height = side;
  const tctx = tile.getContext('2d');
  const image = tctx.createImageData(side, side);
  for (let i = 0; i < side * side; i++) {
    const g = 255 * (1 - Math.min(1, s[i] / ink));
    image.data.set([g, g, g, 255], i * 4);
  }
  tctx.putImageData(image, 0, 0);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(tile, left, top, size, size);
  return true;
}

// Hidden units on the diverging scale; outputs as probabilities in their class colour.
function paintUnitValues(image, values, width, unit, output) {
  const rows = image.width * image.height;
  const px = image.data;
  const c = [0, 0, 0];
  let max = 1;
  if (!output || output.task === 'regression') for (let r = 0; r < rows; r++) max = Math.max(max, Math.abs(values[r * width + unit]) || 0);
  for (let r = 0; r < rows; r++) {
    const v = values[r * width + unit];
    if (output && output.task === 'classification') {
      if (width === 1) diverging(2 * v - 1, c);
      else classShade(unit, v, c);
    } else diverging(v / max, c);
    px[r * 4] = c[0];
    px[r * 4 + 1] = c[1];
    px[r * 4 + 2] = c[2];
    px[r * 4 + 3] = 255;
  }
}

function hitTest(layout, x, y) {
  for (const node of layout.nodes) {
    const h = node.size / 2 + 2;
    if (Math.abs(x - node.x) <= h && Math.abs(y - node.y) <= h) return nodeTarget(node);
  }
  let best = null;
  let bestD = 6;
  for (const edge of layout.edges) {
    for (let i = 1; i < edge.pts.length; i++) {
      const d = segDist(x, y, edge.pts[i - 1], edge.pts[i]);
      if (d < bestD) {
        bestD = d;
        best = edge;
      }
    }
  }
  return best && edgeTarget(best);
}

const nodeTarget = (node) => ({ kind: 'node', key: `n${node.col}:${node.unit}`, node, text: () => nodeText(node) });

function edgeTarget(e) {
  return {
    kind: 'edge',
    key: e.key,
    edge: e,
    text: () =>
      e.w == null
        ? text(e.a.pixels ? 'network.tip.pixelWeights' : 'network.tip.inputWeights', { from: e.a.name, to: e.b.title, n: e.a.count })
        : text('network.tip.weight', { from: e.a.name, to: e.b.kind === 'output' ? e.b.name : e.b.title, weight: formatNumber(e.w) }),
  };
}

function nodeText(node) {
  if (node.collapsed) return text(node.pixels ? 'network.tip.pixels' : 'network.tip.inputs', { name: node.name });
  return node.bias != null ? text('network.tip.unitBias', { name: node.title, bias: formatNumber(node.bias) }) : node.title;
}

function segDist(x, y, [x0, y0], [x1, y1]) {
  const dx = x1 - x0;
  const dy = y1 - y0;
  const t = Math.max(0, Math.min(1, ((x - x0) * dx + (y - y0) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(x - (x0 + t * dx), y - (y0 + t * dy));
}

