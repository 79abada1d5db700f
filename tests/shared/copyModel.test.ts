import { describe, expect, test } from 'vitest';
import { copyModel } from '../../shared/session/copyModel.ts';
import { testSession } from './testSession.ts';

describe('copyModel', () => {
  const states = {
    lobby: testSession({ members: ['Ana@us', 'Bo', 'Cy@observer!away'] }),
    orders: testSession({
      scenario: 'campaign',
      members: ['Ana@us', 'Bo@china', 'Cy@russia!gone'],
      at: 'orders',
    }),
  };

  test.each(Object.entries(states))(
    'equals structuredClone of the model in the %s, with the world shared',
    (_, s) => {
      const copy = copyModel(s);
      expect(copy).toStrictEqual({ ...structuredClone({ ...s, world: undefined }), world: s.world });
      expect(copy.world).toBe(s.world);
    },
  );

  test('shares nothing else with the original: changing the copy leaves it as it was', () => {
    const s = states.orders;
    const before = structuredClone(s);
    const copy = copyModel(s);
    copy.teams.us.draft = 'changed';
    copy.teams.us.orders.push({ kind: 'statement', text: 'x' } as never);
    for (const m of Object.values(copy.members)) m.status = 'gone';
    copy.chat.floor.push({ id: 99 } as never);
    expect(s).toStrictEqual(before);
  });
});
