import { h } from '../ui/dom.ts';

/**
 * Line charts drawn as SVG, without a library. Every chart says in words what it shows (a description read by
 * screen readers, and the same numbers as a table under a disclosure), so nothing is only in the picture.
 */

const NS = 'http://www.w3.org/2000/svg';
type SvgAttrs = Record<string, string | number | undefined>;

function s(tag: string, attrs: SvgAttrs = {}, ...children: (Node | string | undefined)[]): SVGElement {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) el.setAttribute(k, String(v));
  for (const c of children) if (c !== undefined) el.append(c);
  return el;
}

/** Okabe–Ito colours and dash patterns: two lines never differ by colour alone. */
const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#7a5c00'];
const DASHES = ['', '7 4', '2 4', '10 4 2 4', '4 2', '1 3', '12 3', '6 2 2 2'];

export interface Series {
  name: string;
  values: number[]; // one per point of the x axis
}

export interface Marker {
  x: number; // a position on the x axis, in points (0.5: between the first and the second)
  label: string; // "2016-03 · Russia tests a co-orbital inspector"
}

export interface ChartSpec {
  id: string; // unique in the page: "debrief-chart-indicators"
  title: string;
  note?: string; // what the chart is for, under the title
  xLabels: string[]; // "Start", "Round 1 (2015)", ...
  series: Series[];
  markers: Marker[];
  min?: number; // the y range; from the data when absent
  max?: number;
}

const W = 680;
const H = 280;
const PAD = { left: 44, right: 26, top: 22, bottom: 34 };

/** Round steps for the y axis: 5, 10, 20, 25, 50... */
function step(range: number): number {
  const raw = range / 4;
  for (const s of [1, 2, 5, 10, 20, 25, 50, 100, 200]) if (s >= raw) return s;
  return 500;
}

/** What a series did, in one sentence: where it started, where it ended, its highest and lowest. */
export function seriesSentence(series: Series, xLabels: readonly string[]): string {
  const v = series.values;
  if (v.length === 0) return `${series.name}: no data.`;
  const first = v[0] ?? 0;
  const last = v.at(-1) ?? 0;
  if (v.length === 1) return `${series.name}: ${first} (${xLabels[0] ?? ''}).`;
  const hi = Math.max(...v);
  const lo = Math.min(...v);
  const at = (n: number) => xLabels[v.indexOf(n)] ?? '';
  const trend = last > first ? 'rose' : last < first ? 'fell' : 'ended where it began';
  return `${series.name} ${trend}: ${first} (${xLabels[0]}) to ${last} (${xLabels.at(-1)}); highest ${hi} (${at(hi)}), lowest ${lo} (${at(lo)}).`;
}

/** A chart as a figure: the SVG, its legend, the markers as a numbered list, and a table alternative. */
export function lineChart(spec: ChartSpec): HTMLElement {
  const all = spec.series.flatMap((x) => x.values);
  let min = spec.min ?? Math.min(0, ...all);
  let max = spec.max ?? Math.max(10, ...all);
  const st = step(max - min || 10);
  min = Math.floor(min / st) * st;
  max = Math.ceil(max / st) * st;
  const n = spec.xLabels.length;
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (n <= 1 ? plotW / 2 : (i / (n - 1)) * plotW);
  const y = (v: number) => PAD.top + plotH - ((v - min) / (max - min || 1)) * plotH;
  const titleId = `${spec.id}-title`;
  const descId = `${spec.id}-desc`;
  const description = spec.series.map((x) => seriesSentence(x, spec.xLabels)).join(' ');

  const grid: SVGElement[] = [];
  for (let v = min; v <= max; v += st) {
    grid.push(
      s('line', { x1: PAD.left, x2: W - PAD.right, y1: y(v), y2: y(v), class: 'chart-grid' }),
      s('text', { x: PAD.left - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'chart-tick' }, String(v)),
    );
  }
  const xTicks = spec.xLabels.map((label, i) => {
    const round = /^Round (\d+)(?: \((\d+)\))?/.exec(label);
    const at = { x: x(i), 'text-anchor': 'middle', class: 'chart-tick' };
    return s(
      'text',
      { ...at, y: H - PAD.bottom + 16 },
      round ? `R${round[1]}` : label,
      round?.[2] ? s('tspan', { x: x(i), dy: 12 }, round[2]) : undefined,
    );
  });
  // Cards played at the same moment share one line; their numbers sit side by side above it.
  const groups = new Map<number, number[]>();
  for (const [i, m] of spec.markers.entries()) groups.set(m.x, [...(groups.get(m.x) ?? []), i]);
  const markers = [...groups.entries()].map(([at, members]) =>
    s(
      'g',
      { class: 'chart-marker' },
      s('title', {}, members.map((i) => `${i + 1}. ${spec.markers[i]?.label}`).join('\n')),
      s('line', { x1: x(at), x2: x(at), y1: PAD.top, y2: PAD.top + plotH }),
      ...members.map((i, k) => {
        const cx = x(at) + (k - (members.length - 1) / 2) * 15;
        return s(
          'g',
          {},
          s('circle', { cx, cy: PAD.top - 9, r: 7 }),
          s('text', { x: cx, y: PAD.top - 5.5, 'text-anchor': 'middle' }, String(i + 1)),
        );
      }),
    ),
  );
  const lines = spec.series.map((series, i) => {
    const colour = COLOURS[i % COLOURS.length];
    const dash = DASHES[i % DASHES.length] || undefined;
    return s(
      'g',
      { class: 'chart-series' },
      s('title', {}, series.name),
      series.values.length > 1
        ? s('polyline', {
            points: series.values.map((v, j) => `${x(j)},${y(v)}`).join(' '),
            fill: 'none',
            stroke: colour,
            'stroke-width': 2.5,
            'stroke-dasharray': dash,
          })
        : undefined,
      ...series.values.map((v, j) =>
        s(
          'circle',
          { cx: x(j), cy: y(v), r: 3.5, fill: colour },
          s('title', {}, `${series.name}, ${spec.xLabels[j]}: ${v}`),
        ),
      ),
    );
  });
  const svg = s(
    'svg',
    {
      viewBox: `0 0 ${W} ${H}`,
      role: 'img',
      'aria-labelledby': `${titleId} ${descId}`,
      class: 'chart-svg',
      id: `${spec.id}-svg`,
    },
    s('title', { id: titleId }, spec.title),
    s('desc', { id: descId }, description),
    ...grid,
    s('line', {
      x1: PAD.left,
      x2: PAD.left,
      y1: PAD.top,
      y2: PAD.top + plotH,
      class: 'chart-axis',
    }),
    ...xTicks,
    ...markers,
    ...lines,
  );

  const legend = h(
    'ul',
    { class: 'chart-legend', 'aria-label': `Lines of ${spec.title}` },
    ...spec.series.map((series, i) => {
      const swatch = s(
        'svg',
        { viewBox: '0 0 36 10', width: 36, height: 10, 'aria-hidden': 'true', focusable: 'false' },
        s('line', {
          x1: 0,
          x2: 36,
          y1: 5,
          y2: 5,
          stroke: COLOURS[i % COLOURS.length],
          'stroke-width': 3,
          'stroke-dasharray': DASHES[i % DASHES.length] || undefined,
        }),
      );
      return h('li', {}, swatch, ` ${series.name}: ${series.values.at(-1) ?? '–'}`);
    }),
  );

  const table = h(
    'table',
    { class: 'chart-table', id: `${spec.id}-table` },
    h('caption', {}, spec.title),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, 'Line'),
        ...spec.xLabels.map((l) => h('th', { scope: 'col' }, l)),
      ),
    ),
    h(
      'tbody',
      {},
      ...spec.series.map((series) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, series.name),
          ...spec.xLabels.map((_, j) => h('td', {}, String(series.values[j] ?? '–'))),
        ),
      ),
    ),
  );

  return h(
    'figure',
    { class: 'chart', id: spec.id, 'aria-labelledby': `${spec.id}-caption` },
    h(
      'figcaption',
      { id: `${spec.id}-caption` },
      h('strong', {}, spec.title),
      spec.note ? ` ${spec.note}` : '',
    ),
    svg as unknown as Node,
    legend,
    spec.markers.length
      ? h(
          'ol',
          { class: 'chart-markers', 'aria-label': 'Event cards marked on the chart' },
          ...spec.markers.map((m) => h('li', {}, m.label)),
        )
      : undefined,
    h('details', { class: 'chart-data' }, h('summary', {}, `The numbers as a table: ${spec.title}`), table),
  );
}
