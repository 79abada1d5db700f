import { DELEGATION_NAMES, type Delegation } from '../../../shared/model/seats.ts';
import { ROLES, type Role } from '../../../shared/session/chat.ts';
import { h } from './dom.ts';
import { roleShortName } from './deskNow.ts';

/** The address of a delegation's pack with these roles' briefs first: "#/pack/us/head,spokesperson". */
export function briefAddress(d: Delegation, roles: readonly Role[]): string {
  return `#/pack/${d}${roles.length ? `/${roles.join(',')}` : ''}`;
}

/**
 * "Your brief": opens the delegation's pack in a new tab with the student's own role briefs first, ready to
 * print. Shown to students seated at a delegation.
 */
export function briefLink() {
  const a = h('a', { id: 'brief-link', target: '_blank', rel: 'noopener' });
  const root = h('p', { class: 'brief-link', hidden: true }, a, ' (opens in a new tab, printable)');
  let shown = '';
  return {
    root,
    update(d: Delegation | undefined, roles: string | undefined) {
      const held = ROLES.filter((r) => (roles ?? '').split(',').includes(r));
      const key = `${d}|${held}`;
      if (key === shown) return;
      shown = key;
      root.hidden = !d;
      if (!d) return;
      a.setAttribute('href', briefAddress(d, held));
      a.textContent = held.length
        ? `Your brief: ${DELEGATION_NAMES[d]}, ${held.map(roleShortName).join(' and ')}`
        : `Your delegation’s briefs: ${DELEGATION_NAMES[d]}`;
    },
  };
}
