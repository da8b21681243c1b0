import { describe, expect, it } from 'vitest';
import type { ConversationEvent } from '../../../core/index.ts';
import { intakeAt, keys, playWith } from '../../support/conversation.ts';
import { realTurnContext } from '../../support/turn-context.ts';

// Tuesday 2026-03-10 at 09:00: the horizon is 2026-04-09, the lead time ends at 11:00.
const play = playWith(realTurnContext());
const press = (data: string): ConversationEvent => ({ type: 'button', data });

describe('visit-time buttons are re-checked with the visit-window rule', () => {
  it.each([
    ['a one-minute slot', 'win:2026-03-11:600-601', 'error-window-unparseable'],
    ['a day that does not exist', 'win:2026-04-00:480-600', 'error-window-unparseable'],
    ['a window before opening', 'win:2026-03-11:300-420', 'error-window-outside-hours'],
    ['a window past the 30-day horizon', 'win:2026-04-10:480-600', 'error-window-too-far'],
    ['a window today inside the lead time', 'win:2026-03-10:600-720', 'error-window-too-soon'],
  ])('refuses %s and asks again', (_what, data, error) => {
    const state = intakeAt('window');
    const { last } = play(state, press(data));
    expect(keys(last)).toEqual([error, 'ask-window']);
    expect(last.state).toEqual(state);
  });

  it('accepts a suggested window and moves on', () => {
    const { last } = play(intakeAt('window'), press('win:2026-03-11:480-600'));
    expect(last.state.flow).not.toMatchObject({ field: 'window' });
  });
});
