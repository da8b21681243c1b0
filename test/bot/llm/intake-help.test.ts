import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type ConversationState,
  type Draft,
  type IntakeField,
  initialState,
} from '../../../core/index.ts';
import { assistFor, triageAnswer } from '../../support/llm.ts';
import { FakeModelServer, lastUserMessage } from '../../support/openai-server.ts';

/**
 * Intake help: an answer the parser cannot read goes to the model, whose proposal is used only
 * when the same parser accepts it. Today is 2026-03-10 (a Tuesday), 09:00.
 */
const server = new FakeModelServer();
beforeAll(() => server.start());
afterAll(() => server.stop());
beforeEach(() => {
  server.requests.length = 0;
});

const draft: Draft = {
  id: 'd1',
  reason: 'fault',
  urgent: false,
  description: 'fridge not cooling',
  category: 'refrigerator',
  label: 'fault',
  name: 'Li Na',
  phone: '+8613812345678',
  nameplatePhotos: [],
  invoicePhotos: [],
  otherPhotos: [],
  answered: [],
};

const asking = (field: IntakeField, known: Partial<Draft> = {}): ConversationState => ({
  ...initialState('en'),
  flow: { kind: 'intake', field, draft: { ...draft, ...known }, editing: false },
});

/** Intake questions get `value`; the hazard check on the same words gets an empty reading. */
function proposes(value: string | null) {
  server.respond((request) =>
    request.body.response_format?.json_schema?.name === 'intake'
      ? { kind: 'answer', content: { value } }
      : {
          kind: 'answer',
          content: triageAnswer({ label: 'unknown', category: 'unknown', symptom: 'unknown' }),
        },
  );
}

describe('intake help from the model', () => {
  it('reads a purchase date the parser cannot, through the same parser', async () => {
    proposes('2025-01-21');
    const turn = await assistFor(server).runTurn(
      { type: 'text', text: 'bought it the week before Chinese New Year last year' },
      asking('purchaseDate', { model: 'BCD-470WDPG' }),
    );
    expect(turn.state.flow).toMatchObject({ kind: 'intake', field: 'address' });
    expect(turn.state.flow.kind === 'intake' && turn.state.flow.draft.purchaseDate).toMatchObject({
      from: '2025-01-21',
      to: '2025-01-21',
    });
    const asked = server.requests.find(
      (r) => r.body.response_format?.json_schema?.name === 'intake',
    );
    expect(asked && lastUserMessage(asked)).toContain('Today is 2026-03-10 (Tuesday)');
  });

  it('does not use a proposal the parser refuses (a date in the future)', async () => {
    proposes('2027-01-21');
    const turn = await assistFor(server).runTurn(
      { type: 'text', text: 'when the new year sale was on' },
      asking('purchaseDate', { model: 'BCD-470WDPG' }),
    );
    expect(turn.state.flow).toMatchObject({ kind: 'intake', field: 'purchaseDate' });
    expect(turn.replies[0]?.key).toMatch(/^error-date/);
  });

  it('does not use a model number the customer did not write', async () => {
    proposes('BCD-470WDPG');
    const turn = await assistFor(server).runTurn(
      { type: 'text', text: 'the big silver one from the shop' },
      asking('model'),
    );
    expect(turn.state.flow).toMatchObject({ kind: 'intake', field: 'model' });
  });

  it('reads a visit window and keeps it within service hours', async () => {
    proposes('2026-03-11 14:00-16:00');
    const turn = await assistFor(server).runTurn(
      { type: 'text', text: 'whenever my wife is back from the market tomorrow, after lunch' },
      asking('window', {
        model: 'BCD-470WDPG',
        purchaseDate: null,
        address: { kind: 'text', text: 'x' },
      }),
    );
    const flow = turn.state.flow;
    expect(flow.kind === 'intake' || flow.kind === 'review').toBe(true);
    if (flow.kind === 'intake' || flow.kind === 'review')
      expect(flow.draft.window).toEqual({ date: '2026-03-11', startMinute: 840, endMinute: 960 });
  });

  it('asks again when the model has no value, and the customer is told as before', async () => {
    proposes(null);
    const turn = await assistFor(server).runTurn(
      { type: 'text', text: 'no idea honestly' },
      asking('purchaseDate', { model: 'BCD-470WDPG' }),
    );
    expect(turn.state.flow).toMatchObject({ kind: 'intake', field: 'purchaseDate' });
  });

  it('asks nothing of the model for an answer the parser reads', async () => {
    proposes('2020-01-01');
    const turn = await assistFor(server).runTurn(
      { type: 'text', text: '2025-06-01' },
      asking('purchaseDate', { model: 'BCD-470WDPG' }),
    );
    expect(server.requests).toHaveLength(0);
    expect(turn.state.flow.kind === 'intake' && turn.state.flow.draft.purchaseDate).toMatchObject({
      from: '2025-06-01',
      to: '2025-06-01',
    });
  });
});
