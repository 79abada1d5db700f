import type { Moment, ToServerName, ToServerPayload } from '../../../../shared/protocol/toServer.ts';
import type { SessionLink } from '../../net/connection.ts';
import type { SessionView } from '../../net/view.ts';
import { h, notice } from '../dom.ts';

/** What every console panel is handed: the link, one way to send a command, and the shared status line. */
export interface ConsoleContext {
  link: SessionLink;
  /** Sends a command; says `done` (or the refusal, in the server's words) in the status line; true when accepted. */
  send<K extends ToServerName>(type: K, payload: ToServerPayload<K>, done?: string): Promise<boolean>;
  /**
   * The moment the console shows now: Next, End and +2 minutes carry it, and are refused if the session has moved
   * on since (two quick clicks on Next must not skip a phase).
   */
  seen(): Moment;
  status: HTMLElement;
}

/** A console panel: its element, and a redraw from the latest view. */
export interface Panel {
  root: HTMLElement;
  update(view: SessionView): void;
}

export function consoleContext(link: SessionLink): ConsoleContext {
  const status = h('p', { class: 'notice', role: 'status', 'aria-live': 'polite', id: 'console-status' });
  return {
    link,
    status,
    async send(type, payload, done) {
      const r = await link.send(type, payload);
      notice(status, r.ok ? (done ?? '') : r.message, r.ok ? 'info' : 'error');
      return r.ok;
    },
    seen: () => ({ round: link.view?.round ?? 0, phase: link.view?.phase ?? '' }),
  };
}
