import type { Viewer } from '../../../../shared/rules/views.ts';
import type { SessionModel } from '../../../../shared/session/model.ts';
import type { Sight } from '../../../../shared/session/visibility.ts';
import type { Frame, PhaseMark, Replay } from '../model.ts';

/** What every panel of the replay viewer is handed: the replay, its key, the status line and how to move. */
export interface ViewerContext {
  replay: Replay;
  key: string; // the key that opened the log (host secret or instructor key), for bookmarks and forks
  last: number; // the last position (the log's last entry)
  status: HTMLElement;
  index(): number;
  /** Moves to a position (clamped); says where in the status line unless `announce` is false. */
  go(to: number, announce?: boolean): void;
}

/** The position being shown, as every panel draws it: the state there, and what the chosen eyes may know of it. */
export interface Shown {
  index: number;
  frame: Frame;
  state: SessionModel;
  sight: Sight;
  mark: PhaseMark;
  eyes: Viewer;
}

/** A panel of the viewer: its element, and a redraw for the position shown. */
export interface ViewerPanel {
  root: HTMLElement;
  update(shown: Shown): void;
}
