import type { Ref, StateView } from '@colyseus/schema';
import { channelsIn, desksIn, type Sight } from '../../shared/session/visibility.ts';
import type { SessionState } from './state.ts';

/**
 * The view-tagged objects of the synced state that a sight covers: the desks it reads (draft, orders, private
 * world view and team chat travel together on a TeamState), the channels whose words it reads, the teacher's
 * whole world, and every message in those lists. Everything else in the state is public.
 */
export function syncedSight(state: SessionState, sight: Sight): Set<Ref> {
  const refs = new Set<Ref>();
  if (sight.viewer === 'teacher') refs.add(state.host);
  for (const d of desksIn(sight)) {
    const team = state.teams.get(d);
    if (!team) continue;
    refs.add(team);
    for (const m of team.chat) refs.add(m);
  }
  for (const pair of channelsIn(sight)) {
    const channel = state.channels.get(pair);
    if (!channel) continue;
    refs.add(channel);
    for (const m of channel.messages) refs.add(m);
  }
  return refs;
}

/**
 * Makes a connection's StateView hold exactly `want` among the view-tagged objects: what it no longer may see is
 * taken away first, then what it now may see is given. A message pushed into a list the view already holds is in
 * no view until given, so each new message is given here too.
 */
export function showOnly(view: StateView, state: SessionState, want: ReadonlySet<Ref>): void {
  const containers: Ref[] = [state.host, ...state.teams.values(), ...state.channels.values()];
  for (const ref of containers) if (!want.has(ref) && view.has(ref)) view.remove(ref);
  for (const ref of want) if (!view.has(ref)) view.add(ref);
}
