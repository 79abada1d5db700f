// Frozen: rules version 1, copied from shared/rules/spiral.ts by npm run rules:freeze. Never edit it: sessions logged under these rules fold with this code.
import { DELEGATIONS, type Delegation } from '../model/seats.ts';
import { measureBetween, name, others, type RoundContext } from './context.ts';
import { WEAPON_NAMES } from './texts.ts';

/** Each point of military gain raises a rival's threat perception by this much, before damping. */
export const SPIRAL = 2;

/**
 * How strongly `observer` reads `actor`'s gains as a threat: halved by a confidence-building measure in force
 * between them, lowered by a treaty both are bound by and by the observer's own sensors (it sees what the
 * capability really is), raised for the US when China and Russia act as partners, and lowered between partners.
 */
export function damping(r: RoundContext, observer: Delegation, actor: Delegation): number {
  const w = r.before;
  let k = 1;
  if (measureBetween(w, observer, actor)) k *= 0.5;
  if (Object.values(w.drafts).some((t) => t.parties.includes(observer) && t.parties.includes(actor)))
    k *= 0.7;
  k *= 1 - 0.06 * w.delegations[observer].capabilities.ssa;
  const partners = (d: Delegation) => d === 'china' || d === 'russia';
  if (w.alignment >= 50 && observer === 'us' && partners(actor)) k *= 1.3;
  if (w.alignment >= 50 && partners(observer) && partners(actor)) k *= 0.5;
  return k;
}

/**
 * The security dilemma: every military gain raises the others' threat perception of the one who made it,
 * whatever the intent, as far as they can see it. Covert builds found out later (a leak, a disclosure) raise
 * it then.
 */
export function resolveSpiral(r: RoundContext) {
  const { w, ledger, dice } = r;
  for (const actor of DELEGATIONS) {
    for (const gain of r.militaryGain[actor]) {
      for (const observer of others(actor)) {
        if (gain.knownTo !== 'all' && !gain.knownTo.includes(observer)) continue;
        const delta = Math.round(gain.amount * SPIRAL * damping(r, observer, actor));
        ledger.add(
          `threat.${observer}.${actor}`,
          delta,
          `${gain.what} (security dilemma)`,
          { kind: 'rule', rule: 'spiral' },
          [observer, actor],
        );
      }
    }
  }
  for (const build of w.covert) {
    if (build.public || build.round >= r.round || !dice.chance(0.3)) continue;
    build.public = true;
    const what = `${name(build.by)} had secretly built ${WEAPON_NAMES[build.kind]} in round ${build.round}`;
    for (const observer of others(build.by)) {
      if (build.knownTo.includes(observer)) continue;
      const delta = Math.round(4 * SPIRAL * damping(r, observer, build.by));
      ledger.add(`threat.${observer}.${build.by}`, delta, `Revealed: ${what}`, {
        kind: 'rule',
        rule: 'disclosure',
      });
    }
    ledger.add('tension', 3, `Revealed: ${what}`, { kind: 'rule', rule: 'disclosure' });
    r.w.story.push({ round: r.round, text: `Revealed: ${what}.`, visibleTo: 'all' });
  }
  ledger.flush();
}
