import { DELEGATION_NAMES, DELEGATIONS } from '../../../shared/model/seats.ts';
import { describeOrder } from '../../../shared/rules/describe.ts';
import { orderCost } from '../../../shared/rules/orders.ts';
import type { Replay } from './model.ts';

/** Files made in the browser from the fetched log: nothing more is asked of the server. */

/** The log as JSON Lines: the header, then one entry a line, as the server keeps them. */
export function logJsonLines(replay: Replay): string {
  return `${[replay.log.header, ...replay.log.entries].map((x) => JSON.stringify(x)).join('\n')}\n`;
}

/** A CSV cell, quoted; a cell a spreadsheet would run as a formula (=, +, -, @) is made plain text. */
function cell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Every order on a desk when its round was resolved: round, delegation, order, cost, confirmed. */
export function ordersCsv(replay: Replay): string {
  const rows: (string | number)[][] = [['round', 'delegation', 'order', 'cost', 'confirmed']];
  for (const r of replay.rounds)
    for (const d of DELEGATIONS)
      for (const o of r.desks[d].orders)
        rows.push([
          r.round,
          DELEGATION_NAMES[d],
          describeOrder(o),
          orderCost(o),
          r.desks[d].confirmed ? 'yes' : 'no',
        ]);
  return `${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** "paros-7KQ3MX-2025-03-10" */
export function fileStem(replay: Replay): string {
  const date = new Date(replay.log.header.createdAt).toISOString().slice(0, 10);
  return `paros-${replay.log.header.code}-${date}`;
}

/** Hands a text to the browser as a file download. */
export function download(filename: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
