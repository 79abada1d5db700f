import { joinCodeProblem, normalizeJoinCode } from '../../../shared/model/joinCode.ts';
import { NICKNAME_MAX_LENGTH, nicknameProblem, normalizeNickname } from '../../../shared/model/nickname.ts';
import type { SessionLink } from '../net/connection.ts';
import { h, notice } from './dom.ts';

/**
 * The first screen a student sees: a join code and a nickname, nothing else. It imports no network or
 * validation library, so it paints at once; the same checks as the server's (shared/model) give the same words.
 */
export function homeScreen(
  root: HTMLElement,
  opts: { code?: string; message?: string; onJoined: (link: SessionLink) => void },
) {
  const status = h('p', { class: 'notice', role: 'alert', id: 'join-status' });
  const code = h('input', {
    id: 'join-code',
    name: 'code',
    required: true,
    autocomplete: 'off',
    autocapitalize: 'characters',
    spellcheck: 'false',
    maxlength: 12,
    value: opts.code ?? '',
    'aria-describedby': 'join-code-hint',
  });
  const nickname = h('input', {
    id: 'join-nickname',
    name: 'nickname',
    required: true,
    autocomplete: 'off',
    maxlength: NICKNAME_MAX_LENGTH,
    'aria-describedby': 'join-nickname-hint',
  });
  const button = h('button', { type: 'submit', class: 'primary' }, 'Join the session');
  const form = h(
    'form',
    {
      class: 'card join',
      onsubmit: async (e: Event) => {
        e.preventDefault();
        const problem = joinCodeProblem(code.value) ?? nicknameProblem(nickname.value);
        if (problem) return notice(status, problem, 'error');
        button.disabled = true;
        notice(status, 'Joining…');
        try {
          // The network code loads only now, so this screen paints before it arrives.
          const { SessionLink } = await import('../net/connection.ts');
          const link = await SessionLink.join({
            role: 'student',
            code: normalizeJoinCode(code.value),
            nickname: normalizeNickname(nickname.value),
          });
          notice(status, '');
          opts.onJoined(link);
        } catch (err) {
          notice(status, (err as Error).message || 'Could not join. Try again.', 'error');
          button.disabled = false;
        }
      },
    },
    h('h2', {}, 'Join your class'),
    h('label', { for: 'join-code' }, 'Join code'),
    code,
    h('p', { class: 'hint', id: 'join-code-hint' }, 'Six letters and digits, shown on the board.'),
    h('label', { for: 'join-nickname' }, 'Nickname'),
    nickname,
    h(
      'p',
      { class: 'hint', id: 'join-nickname-hint' },
      'A first name or a nickname: no account, no surname needed.',
    ),
    button,
    status,
  );
  root.replaceChildren(
    h(
      'main',
      { class: 'home' },
      h('h1', {}, 'PAROS ', h('span', { class: 'sub' }, 'Crisis in Orbit')),
      h(
        'p',
        { class: 'lede' },
        'Delegations of the United States, China and Russia negotiate at the UN Conference on Disarmament while their satellites share the sky.',
      ),
      form,
      h('p', { class: 'teacher-link' }, 'Teacher? ', h('a', { href: '#/host' }, 'Host a session')),
    ),
  );
  if (opts.message) notice(status, opts.message, 'info');
  (opts.code ? nickname : code).focus();
}
