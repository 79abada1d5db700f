import { worldPanel } from '../worldPanel.ts';
import type { Panel } from './context.ts';

/** The whole world as the teacher sees it: indicators, every delegation's secrets, scores, the last round. */
export function worldTab(): Panel {
  const world = worldPanel('The whole world (teacher view)');
  world.root.id = 'console-world';
  return {
    root: world.root,
    update(view) {
      world.update(view.hostWorld);
    },
  };
}
