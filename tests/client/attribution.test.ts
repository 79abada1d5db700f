/**
 * The debrief's "Assessments against the truth": each incident, each delegation's attribution assessment as it
 * last stood (who wrote it, what it concluded, how sure), beside what the log says really caused it.
 */
import { describe, expect, it } from 'vitest';
import {
  assessmentsAgainstTruth,
  conclusionText,
  truthOf,
  verdictOf,
} from '../../client/src/replay/attribution.ts';
import { buildReplay } from '../../client/src/replay/model.ts';
import type { ReplayLog } from '../../shared/protocol/http.ts';
import type { Suspect } from '../../shared/session/assessment.ts';
import { member, teacher } from '../shared/testSession.ts';
import { asReplayLog, seatedClass } from './replayLog.ts';

/**
 * m1 Ana (US head), m2 Al (US, every other role), m3 Wei (China), m4 Sasha (Russia). Round 1: Russia jams the
 * US. In the resolution Al blames China with low confidence; Ana revises it to Russia, moderate confidence.
 * `usSays` replaces Ana's revision; null: nobody in the US writes anything.
 */
function playClass(usSays?: { suspect: Suspect; why: string } | null): ReplayLog {
  const r = seatedClass('s-TRUTH-1700000000', 'TRUTH', [
    ['Ana', 'us'],
    ['Al', 'us'],
    ['Wei', 'china'],
    ['Sasha', 'russia'],
  ]);
  const [ana, al, , sasha] = ['m1', 'm2', 'm3', 'm4'].map(member) as ReturnType<typeof member>[];
  r.do(teacher, { type: 'startSession' });
  r.advanceTo('negotiation');
  r.do(sasha!, { type: 'setOrders', orders: [{ kind: 'jam', target: 'us' }] });
  r.advanceTo('orders');
  r.do(sasha!, { type: 'submitOrders' });
  r.advanceTo('resolution');
  const incident = r.state.world?.incidents.find((i) => i.victim === 'us');
  if (!incident) throw new Error('the jamming made no incident');
  if (usSays !== null) {
    r.do(al!, {
      type: 'writeAssessment',
      incidentId: incident.id,
      suspect: 'china',
      confidence: 'low',
      why: 'China tested an ASAT last year.',
    });
    const revision = usSays ?? {
      suspect: 'russia' as Suspect,
      why: 'Russia fields jammers; the timing fits.',
    };
    r.do(ana!, {
      type: 'writeAssessment',
      incidentId: incident.id,
      suspect: revision.suspect,
      confidence: 'moderate',
      why: revision.why,
    });
  }
  return asReplayLog(r);
}

const truthOfClass = (usSays?: { suspect: Suspect; why: string } | null) =>
  assessmentsAgainstTruth(buildReplay('s-TRUTH-1700000000', playClass(usSays)));

describe('assessments against the truth', () => {
  it('sets the US assessment as it last stood, with both writers, beside the real attacker', () => {
    const [incident, ...more] = truthOfClass();
    expect(more).toEqual([]);
    expect(incident).toMatchObject({
      round: 1,
      victim: 'us',
      what: 'satellite signals were jammed',
      truth: 'Russia',
    });
    // The US's sensors read it as an attack, which makes the incident public: China too had to guess, and wrote
    // nothing; Russia knows what it did and has no row.
    expect(incident?.rows).toEqual([
      {
        delegation: 'us',
        verdict: 'right',
        suspect: 'russia',
        confidence: 'moderate',
        why: 'Russia fields jammers; the timing fits.',
        round: 1,
        writers: [
          'Al (Diplomat, Space commander, Analyst, Legal adviser)',
          'Ana (Head of delegation, Spokesperson)',
        ],
      },
      { delegation: 'china', verdict: 'missing', writers: [] },
    ]);
    expect(conclusionText(incident!.rows[0]!)).toBe(
      'Russia, moderate confidence (round 1): “Russia fields jammers; the timing fits.”',
    );
  });

  it('marks a wrong attribution and an open one', () => {
    expect(
      truthOfClass({ suspect: 'china', why: 'Same ground station as before.' })[0]?.rows[0]?.verdict,
    ).toBe('wrong');
    const open = truthOfClass({ suspect: 'unsure', why: 'Could be either rival.' })[0]?.rows[0];
    expect(open?.verdict).toBe('open');
    expect(conclusionText(open!)).toBe(
      'Not sure yet, moderate confidence (round 1): “Could be either rival.”',
    );
  });

  it('lists a delegation that had to guess and wrote nothing as not assessed', () => {
    const [incident] = truthOfClass(null);
    expect(incident?.rows).toEqual([
      { delegation: 'us', verdict: 'missing', writers: [] },
      { delegation: 'china', verdict: 'missing', writers: [] },
    ]);
    expect(conclusionText(incident!.rows[0]!)).toBe('No assessment written.');
  });

  it.each([
    ['russia', { kind: 'attack', by: 'russia' }, 'right'],
    ['china', { kind: 'attack', by: 'russia' }, 'wrong'],
    ['natural', { kind: 'attack', by: 'russia' }, 'wrong'],
    ['natural', { kind: 'natural', what: 'spaceWeather' }, 'right'],
    ['china', { kind: 'natural', what: 'debrisStrike' }, 'wrong'],
    ['unsure', { kind: 'natural', what: 'malfunction' }, 'open'],
    [undefined, { kind: 'attack', by: 'us' }, 'missing'],
  ] as const)('naming %s when the cause is %o is %s', (suspect, cause, verdict) => {
    expect(verdictOf(suspect, cause)).toBe(verdict);
  });

  it('names the real cause in words', () => {
    expect(truthOf({ kind: 'attack', by: 'us' })).toBe('United States');
    expect(truthOf({ kind: 'natural', what: 'spaceWeather' })).toBe('a natural cause (space weather)');
  });
});
