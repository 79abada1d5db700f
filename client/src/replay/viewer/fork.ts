import { rulesLabel } from '../../../../shared/session/rulesVersions.ts';
import { replaysApi } from '../../net/api.ts';
import { fill, h, notice } from '../../ui/dom.ts';
import { hostUrl, joinUrl } from '../../ui/format.ts';
import { rememberHosted } from '../../ui/hosted.ts';
import { markAt } from '../model.ts';
import type { ViewerContext, ViewerPanel } from './context.ts';
import { markLabel } from './labels.ts';

/** What if? A new live session from the position shown, under the same rules; not after the end. */
export function forkPanel(ctx: ViewerContext): ViewerPanel {
  const { replay, status } = ctx;
  const header = replay.log.header;
  let ended = false;
  const result = h('div', { id: 'replay-fork-result', 'aria-live': 'polite' });
  const fork = h(
    'button',
    {
      type: 'button',
      id: 'replay-fork',
      onclick: async () => {
        fork.disabled = true;
        const at = ctx.index();
        notice(status, 'Starting a new session from this moment…');
        try {
          const res = await replaysApi.fork(replay.id, ctx.key, at);
          rememberHosted({
            code: res.code,
            secret: res.hostSecret,
            createdAt: new Date().toISOString(),
            title: `What if: ${header.code} from entry ${at}`,
          });
          fill(
            result,
            h(
              'p',
              {},
              `A new session, ${res.code}, starts from entry ${at} (${markLabel(markAt(replay, at))}), under the ${rulesLabel(header.rulesVersion)} like the original. The students of the original class wait there as “gone”: hand their seats to whoever joins.`,
            ),
            h(
              'p',
              {},
              'Students join with ',
              h('strong', { class: 'mono', id: 'replay-fork-code' }, res.code),
              ' at ',
              joinUrl(res.code),
            ),
            h(
              'p',
              {},
              h(
                'a',
                {
                  href: hostUrl(res.code, res.hostSecret),
                  target: '_blank',
                  class: 'button primary',
                  id: 'replay-fork-host',
                },
                'Open its teacher console',
              ),
              ' (this browser keeps its host link in your sessions)',
            ),
          );
          notice(status, `What-if session ${res.code} created.`);
        } catch (err) {
          notice(status, (err as Error).message, 'error');
        } finally {
          fork.disabled = ended;
        }
      },
    },
    'What if: fork from here',
  );
  const root = h(
    'section',
    { class: 'card', 'aria-labelledby': 'replay-fork-title' },
    h('h2', { id: 'replay-fork-title' }, 'What if?'),
    h(
      'p',
      { class: 'hint', id: 'replay-fork-hint' },
      'Starts a new live session from the state at the current position, with its own join code, for a class to play on differently.',
    ),
    fork,
    result,
  );
  return {
    root,
    update({ state }) {
      ended = state.stage === 'ended';
      fork.disabled = ended;
      fork.title = ended ? 'A session cannot be forked after its end: step back a little.' : '';
    },
  };
}
