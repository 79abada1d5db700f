import Phaser from 'phaser';
import { DELEGATIONS, type Delegation, DELEGATION_NAMES } from '../../../shared/model/seats.ts';
import { type MemberView, membersInOrder, type SessionView } from '../net/view.ts';
import { SEAT_COLOURS } from '../ui/palette.ts';

/** Where each delegation sits around the table (the conference table seen from above). */
const PLACES: Record<Delegation, { x: number; y: number; align: 'left' | 'center' | 'right' }> = {
  us: { x: 200, y: 250, align: 'right' },
  china: { x: 480, y: 95, align: 'center' },
  russia: { x: 760, y: 250, align: 'left' },
};

/**
 * The session table: the three delegations' seats around a conference table and who sits at each, with the
 * observers' gallery below. A view only: it draws what it is given and decides nothing.
 */
export class TableScene extends Phaser.Scene {
  private layer!: Phaser.GameObjects.Container;
  private readonly onReady: () => void;

  constructor(onReady: () => void) {
    super('table');
    this.onReady = onReady;
  }

  create() {
    const g = this.add.graphics();
    g.fillStyle(0x14304f, 1).fillEllipse(480, 270, 420, 190);
    g.lineStyle(3, 0x6d8db3, 1).strokeEllipse(480, 270, 420, 190);
    this.add
      .text(480, 270, 'Conference on Disarmament', {
        fontFamily: 'system-ui, sans-serif',
        fontSize: '20px',
        color: '#cfe0f5',
      })
      .setOrigin(0.5);
    this.layer = this.add.container(0, 0);
    this.onReady();
  }

  show(view: SessionView, meId?: string) {
    if (!this.layer) return;
    this.layer.removeAll(true);
    const members = membersInOrder(view);
    for (const d of DELEGATIONS)
      this.drawDelegation(
        d,
        members.filter((m) => m.seat === d),
        view,
        meId,
      );
    const observers = members.filter((m) => m.seat === 'observer');
    this.layer.add(
      this.add
        .text(
          480,
          470,
          `Observers: ${observers.length ? observers.map((m) => m.nickname).join(', ') : 'none'}`,
          {
            fontFamily: 'system-ui, sans-serif',
            fontSize: '16px',
            color: '#cfd8e3',
            wordWrap: { width: 880 },
            align: 'center',
          },
        )
        .setOrigin(0.5, 0),
    );
  }

  private drawDelegation(d: Delegation, seated: MemberView[], view: SessionView, meId?: string) {
    const place = PLACES[d];
    const colour = SEAT_COLOURS[d];
    const plate = this.add.graphics();
    plate
      .fillStyle(Phaser.Display.Color.HexStringToColor(colour).color, 1)
      .fillRoundedRect(place.x - 95, place.y - 22, 190, 44, 10);
    const submitted = view.stage === 'playing' && view.teams[d]?.submitted ? ' ✓' : '';
    const title = this.add
      .text(place.x, place.y, `${DELEGATION_NAMES[d]}${submitted}`, {
        fontFamily: 'system-ui, sans-serif',
        fontSize: '20px',
        fontStyle: 'bold',
        color: '#ffffff',
      })
      .setOrigin(0.5);
    const names = seated.length
      ? seated.map(
          (m) =>
            `${m.nickname}${m.id === meId ? ' (you)' : ''}${m.status === 'connected' ? '' : ` (${m.status})`}`,
        )
      : ['empty seat'];
    const list = this.add
      .text(place.x, place.y + 32, names.join('\n'), {
        fontFamily: 'system-ui, sans-serif',
        fontSize: '16px',
        color: seated.length ? '#f2f5f9' : '#8ea3bb',
        align: 'center',
        lineSpacing: 4,
      })
      .setOrigin(0.5, 0);
    this.layer.add([plate, title, list]);
  }
}
