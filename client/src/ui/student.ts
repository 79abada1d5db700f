import { CONTROL_NAMES, SEAT_IN_SENTENCE } from '../../../shared/content/labels.ts';
import { DRAFT_MAX_LENGTH } from '../../../shared/protocol/toServer.ts';
import { DELEGATIONS, isDelegation, SEAT_NAMES } from '../../../shared/model/seats.ts';
import type { SessionLink } from '../net/connection.ts';
import type { Order } from '../../../shared/rules/orders.ts';
import { type SessionView, withdrawalText } from '../net/view.ts';
import { h, notice } from './dom.ts';
import { stageLine } from './format.ts';
import { practiceBanner } from './practice.ts';
import { seatingList, seatLabel } from './roster.ts';
import { ordersEditor } from './ordersEditor.ts';
import { tableCanvas } from './tableCanvas.ts';
import { cardsPanel } from './cards.ts';
import { ROLE_NAMES, type Role } from '../../../shared/session/chat.ts';
import { chatPanel } from './chat.ts';
import { worldPanel } from './worldPanel.ts';
import { deskColumns } from './deskColumns.ts';
import { deskClock, nowLine, rolePanel, roleShortName } from './deskNow.ts';
import { assessmentPanel } from './assessmentPanel.ts';
import { taskMarkers, taskOrders, tasksNow } from './roleTask.ts';
import { briefLink } from './briefLink.ts';
import './desk.css';

const CHOICES = [...DELEGATIONS, 'observer'] as const;

/** The student screen: pick a seat, follow the round, and work on the delegation's draft with the team. */
export function studentScreen(root: HTMLElement, link: SessionLink, onLeft: (message: string) => void) {
  const status = h('p', { class: 'notice', role: 'status', 'aria-live': 'polite', id: 'student-status' });
  const who = h('p', { class: 'who', id: 'student-who' });
  const stage = h('p', { class: 'stage', id: 'student-stage' });
  const todo = h('p', { class: 'todo', id: 'student-todo' });
  const timer = h('p', { class: 'timer', id: 'student-timer', role: 'timer', 'aria-live': 'off' });
  const linkState = h('p', { class: 'link-state', role: 'status' });

  const choose = async (seat: (typeof CHOICES)[number]) => {
    const r = await link.send('chooseSeat', { seat });
    notice(status, r.ok ? `You sit with ${SEAT_IN_SENTENCE[seat]}.` : r.message, r.ok ? 'info' : 'error');
  };
  const seatButtons = CHOICES.map((s) =>
    h('button', {
      type: 'button',
      class: `seat-choice seat-${s}`,
      id: `choose-${s}`,
      onclick: () => choose(s),
    }),
  );
  const seatPicker = h(
    'section',
    { class: 'card seats', 'aria-labelledby': 'pick-title' },
    h('h2', { id: 'pick-title' }, 'Choose your delegation'),
    h('div', { class: 'row' }, ...seatButtons),
    h('p', { class: 'hint', id: 'pick-hint' }),
  );

  // The team desk: a shared draft, saved as you type, and the submit button.
  const draft = h('textarea', {
    id: 'team-draft',
    rows: 6,
    maxlength: DRAFT_MAX_LENGTH,
    'aria-describedby': 'draft-hint',
  });
  const draftHint = h('p', { class: 'hint', id: 'draft-hint' });
  const submit = h(
    'button',
    { type: 'button', class: 'primary', id: 'submit-orders', 'aria-describedby': 'confirm-why' },
    CONTROL_NAMES.confirm,
  );
  const confirmWhy = h('p', { class: 'why-not', id: 'confirm-why' });
  // Shown to the whole team (the head included) while a confirmation is withdrawn; also said once in the status line.
  const withdrawnLine = h('p', { class: 'warning', id: 'orders-withdrawn', hidden: true });
  const confirmBox = h('div', { class: 'confirm-box' }, withdrawnLine, submit, confirmWhy);
  const headLine = h('p', { class: 'head-line', id: 'head-line' });
  const orders = ordersEditor({
    send: async (list: Order[]) => {
      const r = await link.send('setOrders', { orders: list });
      return r.ok ? undefined : r.message;
    },
    confirm: confirmBox,
  });
  const rolesPanel = rolePanel();
  const world = worldPanel('The world');
  const cards = cardsPanel();
  const chat = chatPanel((type, payload) => link.send(type, payload));
  const assessment = assessmentPanel((payload) => link.send('writeAssessment', payload));
  let lastWithdrawal: string | undefined;
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  let saving = false; // typed text not yet accepted: the team's copy must not overwrite it
  // The notes' version this student's text started from: an edit on an older one is refused, not lost.
  let draftBase = 0;
  const myTeam = () => {
    const mine = seatOf(link);
    return link.view && mine && isDelegation(mine) ? link.view.teams[mine] : undefined;
  };
  // Two teammates typing at once: the student keeps their text and sees the team's beside it.
  const theirs = h('textarea', {
    id: 'draft-theirs',
    rows: 6,
    readonly: true,
    'aria-label': 'The team’s notes now',
  });
  const conflict = h(
    'div',
    { class: 'card conflict', id: 'draft-conflict', hidden: true, role: 'alert' },
    h(
      'p',
      {},
      'A teammate changed the notes while you were typing. Your text is still in the box above; theirs:',
    ),
    theirs,
    h(
      'button',
      {
        type: 'button',
        id: 'draft-use-theirs',
        onclick: () => {
          const team = myTeam();
          draft.value = team?.draft ?? '';
          draftBase = team?.draftVersion ?? 0;
          conflict.hidden = true;
        },
      },
      'Use theirs',
    ),
    ' ',
    h(
      'button',
      {
        type: 'button',
        id: 'draft-keep-mine',
        onclick: () => {
          draftBase = myTeam()?.draftVersion ?? 0;
          conflict.hidden = true;
          void saveDraft();
        },
      },
      'Keep mine',
    ),
  );
  const saveDraft = async (): Promise<boolean> => {
    saving = true;
    const base = draftBase;
    const r = await link.send('editDraft', { text: draft.value, base });
    saving = false;
    if (r.ok) {
      draftBase = base + 1;
      return true;
    }
    if (r.code === 'conflict') {
      theirs.value = myTeam()?.draft ?? '';
      conflict.hidden = false;
    } else notice(status, r.message, 'error');
    return false;
  };
  // While the box had the focus it kept the student's text; leaving it shows the team's notes as they are now.
  draft.addEventListener('blur', () => {
    if (link.view) updateDesk(link.view, seatOf(link));
  });
  draft.addEventListener('input', () => {
    clearTimeout(saveTimer);
    saving = true;
    saveTimer = setTimeout(() => void saveDraft(), 500);
  });
  submit.addEventListener('click', async () => {
    clearTimeout(saveTimer);
    saving = false; // the pending text is sent below, if it differs from the team's
    if (
      link.view &&
      isDelegation(seatOf(link) ?? '') &&
      draft.value !== (link.view.teams[seatOf(link) as 'us']?.draft ?? '') &&
      !(await saveDraft())
    ) {
      return; // the notes are in conflict: the student chooses first
    }
    const r = await link.send('submitOrders', {});
    notice(
      status,
      r.ok ? 'Orders confirmed. Changing the orders withdraws them until you confirm again.' : r.message,
      r.ok ? 'info' : 'error',
    );
  });
  const desk = h(
    'section',
    { class: 'card desk', 'aria-labelledby': 'desk-title' },
    h('h2', { id: 'desk-title' }, 'Your delegation’s desk'),
    headLine,
    h(
      'label',
      { for: 'team-draft' },
      `${CONTROL_NAMES.notes} (only your team and the teacher can read them)`,
    ),
    draft,
    conflict,
    draftHint,
  );

  // Each role's task marked where it is done: the head's confirmation, the analyst's assessment, the orders
  // of the commander and the legal adviser, the spokesperson's floor.
  const tasks = taskMarkers({
    cards: cards.root,
    world: world.root,
    talks: chat.root,
    floor: chat.root,
    notes: desk,
    ordersCd: orders.root,
    ordersBilateral: orders.root,
    ordersOrbit: orders.root,
    confirm: confirmBox,
    assessment: assessment.root,
  });
  const brief = briefLink();

  const seating = seatingList({ submitted: true });
  const canvas = tableCanvas('The scenes: table, chamber, orbit, Moon', { legibleOnPhone: true });
  const scenes = h(
    'section',
    { class: 'card scenes', 'aria-labelledby': 'table-title' },
    h('h2', { id: 'table-title' }, 'The table, the chamber, orbit and the Moon'),
    canvas.root,
    seating.root,
  );
  const leave = h(
    'button',
    {
      type: 'button',
      class: 'link',
      onclick: async () => {
        if (!confirm('Leave the session? Join again here with the same nickname to take your seat back.'))
          return;
        await link.leave();
        onLeft('You left the session.');
      },
    },
    'Leave session',
  );
  const leaveForGood = h(
    'button',
    {
      type: 'button',
      class: 'link',
      id: 'leave-for-good',
      onclick: async () => {
        if (!confirm('Leave for good? This browser forgets your seat, so it cannot take it back by itself.'))
          return;
        await link.leave(true);
        onLeft('You left the session for good. This browser no longer holds your seat.');
      },
    },
    'Leave this session for good',
  );

  const practice = practiceBanner('desk-practice');

  // The panels, put in the order the phase needs them: what to do now comes first.
  const panels = h('div', { class: 'desk-panels' });
  const panelOrder: Record<string, HTMLElement[]> = {
    lobby: [
      seatPicker,
      rolesPanel.root,
      scenes,
      cards.root,
      desk,
      orders.root,
      chat.root,
      world.root,
      assessment.root,
    ],
    briefing: [
      cards.root,
      rolesPanel.root,
      world.root,
      assessment.root,
      scenes,
      chat.root,
      desk,
      orders.root,
      seatPicker,
    ],
    negotiation: [
      chat.root,
      desk,
      orders.root,
      rolesPanel.root,
      assessment.root,
      cards.root,
      world.root,
      scenes,
      seatPicker,
    ],
    orders: [
      orders.root,
      desk,
      chat.root,
      rolesPanel.root,
      assessment.root,
      cards.root,
      world.root,
      scenes,
      seatPicker,
    ],
    resolution: [
      world.root,
      assessment.root,
      scenes,
      orders.root,
      rolesPanel.root,
      chat.root,
      cards.root,
      desk,
      seatPicker,
    ],
    debrief: [
      world.root,
      assessment.root,
      rolesPanel.root,
      chat.root,
      scenes,
      orders.root,
      cards.root,
      desk,
      seatPicker,
    ],
    ended: [
      world.root,
      scenes,
      chat.root,
      cards.root,
      orders.root,
      desk,
      rolesPanel.root,
      assessment.root,
      seatPicker,
    ],
  };
  // On a wide screen, the team's work on the left and the room on the right.
  const columns = deskColumns(panels, new Set([orders.root, desk, rolesPanel.root, seatPicker]));
  let arranged = '';
  const arrange = (view: SessionView) => {
    const key = view.stage === 'playing' ? view.phase || 'briefing' : view.stage;
    if (key === arranged) return;
    arranged = key;
    columns.arrange(panelOrder[key] ?? panelOrder.briefing ?? []);
  };

  root.replaceChildren(
    h(
      'main',
      { class: 'student desk-page' },
      h('header', { class: 'bar' }, h('h1', {}, 'PAROS'), who, linkState),
      practice.root,
      h(
        'section',
        { class: 'card now', id: 'student-now', 'aria-label': 'What to do now' },
        stage,
        todo,
        tasks.list,
        brief.root,
        timer,
      ),
      status,
      panels,
      h('footer', {}, leave, ' ', leaveForGood),
    ),
  );

  const update = () => {
    const view = link.view;
    if (link.status === 'closed') {
      onLeft(link.closedReason);
      return;
    }
    linkState.textContent = link.status === 'connected' ? '' : 'Connection lost: reconnecting…';
    if (!view) return;
    const me = link.memberId ? view.members[link.memberId] : undefined;
    const roles = me?.roles
      ? ` · ${me.roles
          .split(',')
          .map((r) => (ROLE_NAMES[r as Role] ? roleShortName(r as Role) : r))
          .join(', ')}`
      : '';
    who.textContent = me
      ? `${me.nickname} · ${SEAT_NAMES[me.seat]}${roles} · code ${view.code}`
      : `Code ${view.code}`;
    stage.textContent = stageLine(view);
    practice.update(view, { kind: 'desk', roles: me?.roles ? me.roles.split(',') : [] });
    arrange(view);
    const team = me && isDelegation(me.seat) ? view.teams[me.seat] : undefined;
    const head = team?.headId ? view.members[team.headId] : undefined;
    todo.textContent = nowLine(view, {
      seat: me?.seat,
      isHead: Boolean(head && head.id === link.memberId),
      headName: head?.nickname,
      submitted: Boolean(team?.submitted),
    });
    rolesPanel.update(view, me);
    const mySeat = me && isDelegation(me.seat) ? me.seat : undefined;
    assessment.update(view, mySeat);
    tasks.update(tasksNow(view, me, assessment.count()));
    orders.markTask(taskOrders(tasksNow(view, me, assessment.count())));
    brief.update(mySeat, me?.roles);
    updateSeatPicker(view, me?.seat);
    updateDesk(view, me?.seat);
    seating.update(view, link.memberId);
    canvas.update(view, link.memberId);
    chat.update(view, me?.seat, link.memberId);
    const seat = me?.seat;
    const own = seat && isDelegation(seat) ? view.teams[seat]?.secret : undefined;
    cards.update(own ?? view.world, view.round, view.phase, seat && isDelegation(seat) ? seat : undefined);
    world.update(
      own ?? view.world,
      own && seat && isDelegation(seat) ? { name: SEAT_NAMES[seat], secrets: own.secrets[seat] } : undefined,
    );
  };

  const updateSeatPicker = (view: SessionView, mine: string | undefined) => {
    seatPicker.hidden = view.stage === 'ended' || (view.teamsLocked && mine !== 'unseated');
    CHOICES.forEach((s, i) => {
      const b = seatButtons[i]!;
      b.textContent = seatLabel(view, s);
      b.setAttribute('aria-pressed', String(mine === s));
      b.disabled = view.teamsLocked && s !== 'observer';
    });
    const hint = seatPicker.querySelector('#pick-hint');
    if (hint) {
      hint.textContent = view.teamsLocked
        ? 'The teacher has locked the teams: you can watch as an observer, and the teacher can seat you.'
        : 'You can change until the teacher locks the teams.';
    }
  };

  const updateDesk = (view: SessionView, mine: string | undefined) => {
    const seated = mine !== undefined && isDelegation(mine);
    desk.hidden = !seated || view.stage !== 'playing';
    orders.root.hidden = !seated || view.stage !== 'playing';
    if (!seated) return;
    const team = view.teams[mine];
    const open = view.phase === 'negotiation' || view.phase === 'orders';
    draft.readOnly = !open;
    if (!conflict.hidden) theirs.value = team?.draft ?? '';
    else if (document.activeElement !== draft && !saving && team?.draft !== undefined) {
      if (draft.value !== team.draft) draft.value = team.draft;
      draftBase = team.draftVersion ?? 0;
    }
    const head = team?.headId ? view.members[team.headId] : undefined;
    const iAmHead = head?.id === link.memberId;
    headLine.textContent = head
      ? iAmHead
        ? 'You are the head of delegation: you confirm the orders.'
        : `Head of delegation: ${head.nickname}, who confirms the orders.`
      : '';
    // The head sees the button in every phase, usable in the orders phase only; the others read who confirms.
    submit.hidden = !iAmHead || view.phase === 'resolution' || view.phase === 'debrief';
    submit.disabled = view.phase !== 'orders' || Boolean(team?.submitted);
    submit.textContent = team?.submitted ? 'Orders confirmed' : CONTROL_NAMES.confirm;
    confirmWhy.textContent = !iAmHead
      ? head
        ? `${head.nickname}, your head of delegation, confirms the orders in the orders phase.`
        : 'Your head of delegation confirms the orders in the orders phase.'
      : team?.submitted
        ? 'Confirmed. Changing the orders withdraws the confirmation until you confirm again.'
        : view.phase === 'orders'
          ? 'Confirm once your team agrees; you can still change the orders until the phase ends.'
          : view.phase === 'resolution' || view.phase === 'debrief'
            ? ''
            : 'You confirm in the orders phase, after the negotiation.';
    confirmWhy.hidden = confirmWhy.textContent === '';
    const withdrawal = withdrawalText(view, mine);
    withdrawnLine.textContent = withdrawal ?? '';
    withdrawnLine.hidden = !withdrawal;
    if (withdrawal && withdrawal !== lastWithdrawal) notice(status, withdrawal, 'error');
    lastWithdrawal = withdrawal;
    orders.update({
      orders: team?.orders ?? [],
      world: team?.secret ?? view.world,
      delegation: mine,
      editable: open,
      budget: team?.secret?.secrets[mine]?.budget,
      closedReason:
        view.phase === 'briefing'
          ? 'Orders open when the negotiation begins: read the briefing first.'
          : 'Orders are closed for this round: they open again in the next negotiation.',
    });
    draftHint.textContent = open
      ? 'Saved for your team as you type.'
      : view.phase === 'briefing'
        ? 'The notes open when the negotiation begins: read the briefing first.'
        : 'The notes are closed until the next negotiation; you can still read them.';
    draftHint.className = open ? 'hint' : 'why-not';
  };

  const showClock = () => {
    if (!link.view) return;
    const { clock, text, paused } = deskClock(link.view, link.serverNow(), Date.now());
    if (timer.textContent !== text) timer.textContent = text;
    timer.dataset.paused = String(paused);
    canvas.timer(clock);
  };
  const tick = setInterval(showClock, 1000);
  const unsubscribe = link.subscribe(() => {
    update();
    showClock();
  });
  update();
  showClock();
  return () => {
    clearInterval(tick);
    clearTimeout(saveTimer);
    unsubscribe();
    canvas.destroy();
  };
}

function seatOf(link: SessionLink): string | undefined {
  return link.memberId ? link.view?.members[link.memberId]?.seat : undefined;
}
