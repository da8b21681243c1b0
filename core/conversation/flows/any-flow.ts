import { button, categoryButtons } from '../buttons.ts';
import { errorKey } from '../messages.ts';
import {
  answerCheckback,
  askForPerson,
  previousOf,
  sharedPhone,
  turn,
  withFlow,
  yesNo,
} from '../steps.ts';
import type { FlowKind, FlowTransitions } from '../table.ts';

/**
 * Events every flow takes the same way (a flow's own row wins over these): the commands, the
 * language and cancel-ticket buttons, and a check-back's answer.
 */
export const anyFlow: FlowTransitions<FlowKind> = {
  '/start': {
    to: ['idle', 'confirm-restart'],
    handle: ({ state, flow }) =>
      // A ticket being prepared is not thrown away on a tap: asked first.
      flow.kind === 'intake' || flow.kind === 'review'
        ? turn(withFlow(state, { kind: 'confirm-restart', previous: flow }), [
            {
              key: 'restart-confirm',
              vars: { description: flow.draft.description },
              buttons: yesNo(),
            },
          ])
        : turn(withFlow(state, { kind: 'idle' }), [
            { key: 'welcome', buttons: categoryButtons(), request: 'remove' },
          ]),
  },
  // Answered, then the question the customer was on, so the thread is not lost.
  '/help': { to: ['same'], handle: ({ state, resume }) => resume(state, [{ key: 'help' }]) },
  '/privacy': {
    to: ['same'],
    handle: ({ state, resume }) => resume(state, [{ key: 'privacy' }]),
  },
  '/language': {
    to: ['same'],
    handle: ({ state }) =>
      turn(state, [
        {
          key: 'choose-language',
          buttons: [
            [
              button('language-en', { action: 'language', locale: 'en' }),
              button('language-zh-Hans', { action: 'language', locale: 'zh-Hans' }),
              button('language-zh-Hant', { action: 'language', locale: 'zh-Hant' }),
            ],
          ],
        },
      ]),
  },
  '/status': {
    to: ['same'],
    // The filed tickets (the adapter's list comes first), then the one being prepared, if any,
    // and the question it waits on.
    handle: ({ state, flow, resume }) => {
      // An urgent draft's ticket was filed at the hazard report (it is in the list): the answers
      // are added to it, so it is not "filed when you confirm" (review10 H4).
      const preparing =
        flow.kind === 'intake' || flow.kind === 'review'
          ? [
              flow.draft.urgent
                ? { key: 'status-preparing-urgent' as const }
                : {
                    key: 'status-preparing' as const,
                    vars: { description: flow.draft.description },
                  },
            ]
          : [];
      const shown = resume(state, preparing);
      return { ...shown, effects: [{ type: 'list-tickets' }, ...shown.effects] };
    },
  },
  '/human': {
    to: ['same'],
    handle: ({ state, flow, resume }) => askForPerson(state, flow, resume(state, [])),
  },
  'button:human': {
    to: ['same'],
    handle: ({ state, flow, resume }) => askForPerson(state, flow, resume(state, [])),
  },
  '/forget': {
    to: ['confirm-forget'],
    handle: ({ state }) =>
      turn(
        withFlow(state, { kind: 'confirm-forget', ...previousOf(state.flow) }),
        [{ key: 'forget-confirm', buttons: yesNo() }],
        // A booked visit is called off by the erasure: said before the question.
        [{ type: 'tell-booked-visits' }],
      ),
  },
  '/cancel': {
    to: ['idle', 'same'],
    handle: ({ state, flow }) =>
      flow.kind !== 'idle'
        ? turn(withFlow(state, { kind: 'idle' }), [{ key: 'flow-cancelled', request: 'remove' }])
        : turn(state, [], [{ type: 'offer-cancel' }]),
  },
  'button:language': {
    to: ['same'],
    handle: ({ state, event }) =>
      turn(
        { ...state, locale: event.locale, localeChosen: true },
        [{ key: 'language-set' }],
        [{ type: 'set-locale', locale: event.locale }],
      ),
  },
  'button:cancel-ticket': {
    to: ['confirm-cancel'],
    handle: ({ state, flow, event }) =>
      turn(
        withFlow(state, {
          kind: 'confirm-cancel',
          ticketNumber: event.ticketNumber,
          ...previousOf(flow),
        }),
        [{ key: 'cancel-confirm', vars: { ticket: event.ticketNumber }, buttons: yesNo() }],
      ),
  },
  // A number shared outside the intake is kept for when an engineer needs to call: a hazard told
  // later reaches staff with it, and the intake does not ask for it again.
  contact: {
    to: ['same'],
    handle: ({ state, event, context, resume }) => {
      const parsed = context.fields.phone(sharedPhone(event.phone));
      if (!parsed.ok) return resume(state, [{ key: errorKey(parsed.code) }]);
      const profile = { ...state.profile, phone: parsed.value.e164 };
      return resume({ ...state, profile }, [{ key: 'contact-kept' }]);
    },
  },
  checkback: {
    to: ['same', 'intake'],
    handle: ({ state, event, context }) => answerCheckback(state, event, context),
  },
};
