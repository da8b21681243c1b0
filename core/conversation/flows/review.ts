import { readYesNo } from '../../intake/typed-answer.ts';
import { proposeChange, readChange, withNote } from '../draft-change.ts';
import { askField, clearField, reviewReply, withTried } from '../intake.ts';
import { errorKey } from '../messages.ts';
import { hazardOr, knownCategory, sharedPhone, type T, turn, withFlow } from '../steps.ts';
import type { FlowDefinition, FlowKind, TransitionInput } from '../table.ts';

/** The summary, with an edit button per field and confirm / discard. */
export const reviewFlow: FlowDefinition<'review'> = {
  pending: (_state, flow) => [reviewReply(flow.draft)],
  on: {
    text: {
      to: ['same', 'idle', 'intake', 'confirm-change'],
      handle: (input) => {
        const { state, flow, event, context, unhandled } = input;
        // "yes", "ok", "确认", "係" typed under the summary confirm it, as the button does; a change
        // told in words is asked to confirm.
        return hazardOr(
          state,
          event.text,
          { ...knownCategory(flow.draft), description: flow.draft.description },
          context,
          () => {
            if (readYesNo(event.text) === 'yes')
              return onConfirm({ ...input, event: { type: 'button:confirm' } });
            // "my number is wrong, it's 139…", "can you come tomorrow afternoon instead"; the
            // words are kept for the engineer whatever the answer ("call my husband on 0933…").
            const change = readChange(event.text, flow.draft, context);
            // "I already restarted it": on the ruled-out list too.
            const draft = withTried(withNote(flow.draft, event.text), event.text, context);
            if (change)
              return proposeChange(
                state,
                { kind: 'review', draft: change.field === 'window' ? flow.draft : draft },
                change,
              );
            // "please call before coming": kept for the engineer, the summary shows it.
            if (draft === flow.draft) return unhandled();
            return turn(withFlow(state, { kind: 'review', draft }), [
              { key: 'intake-more-said' },
              reviewReply(draft),
            ]);
          },
        );
      },
    },
    'button:edit': {
      to: ['intake'],
      handle: ({ state, flow, event, context }) => {
        const draft = clearField(flow.draft, event.field);
        return turn(withFlow(state, { kind: 'intake', field: event.field, draft, editing: true }), [
          askField(event.field, draft, context),
        ]);
      },
    },
    // A contact shared under the summary: a change of the phone, asked to confirm.
    contact: {
      to: ['confirm-change', 'same'],
      handle: ({ state, flow, event, context, unhandled }) => {
        const parsed = context.fields.phone(sharedPhone(event.phone));
        return parsed.ok && parsed.value.e164 !== flow.draft.phone
          ? proposeChange(state, flow, { field: 'phone', phone: parsed.value.e164 })
          : unhandled();
      },
    },
    // A photo sent under the summary goes with the ticket, as one sent during the questions.
    photo: {
      to: ['same'],
      handle: ({ state, flow, event }) => {
        const draft = { ...flow.draft, otherPhotos: [...flow.draft.otherPhotos, event.fileId] };
        return turn(withFlow(state, { kind: 'review', draft }), [
          { key: 'photo-saved' },
          reviewReply(draft),
        ]);
      },
    },
    'button:confirm': { to: ['idle', 'intake'], handle: onConfirm },
    'button:discard': {
      to: ['idle'],
      handle: ({ state }) => turn(withFlow(state, { kind: 'idle' }), [{ key: 'flow-cancelled' }]),
    },
    checkback: { to: ['same'], handle: onCheckbackWhileFiling },
  },
};

function onConfirm({ state, flow, context }: TransitionInput<'review', 'button:confirm'>): T {
  const draft = flow.draft;
  if (draft.window) {
    // A summary left open can outlive its visit window: ask again rather than book the past.
    const checked = context.fields.checkWindow(
      draft.window,
      context.today,
      context.nowMinute,
      context.serviceHours,
    );
    if (!checked.ok) {
      const { window: _stale, ...rest } = draft;
      return turn(
        withFlow(state, { kind: 'intake', field: 'window', draft: rest, editing: true }),
        [{ key: errorKey(checked.code) }, askField('window', rest, context)],
      );
    }
  }
  const profile = { ...state.profile };
  if (draft.name) profile.name = draft.name;
  if (draft.phone) profile.phone = draft.phone;
  if (draft.address) profile.address = draft.address;
  return turn({ ...state, profile, flow: { kind: 'idle' } }, [], [{ type: 'file-ticket', draft }]);
}

/**
 * A check-back answered while a ticket is being prepared: "working" is noted; "broken again" is
 * added to the draft (shown in the summary, filed with the ticket), then the intake goes on.
 */
export function onCheckbackWhileFiling({
  state,
  flow,
  event,
  resume,
}: TransitionInput<Extract<FlowKind, 'intake' | 'review'>, 'checkback'>): T {
  if (event.outcome === 'working') return resume(state, [{ key: 'checkback-working' }]);
  const draft = { ...flow.draft, alsoBroken: [...(flow.draft.alsoBroken ?? []), event.guidance] };
  return resume(withFlow(state, { ...flow, draft }), [{ key: 'checkback-still-broken-added' }]);
}
