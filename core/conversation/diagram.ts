import type { EventType, FlowKind, FlowTransitions, Target, Transitions } from './table.ts';

const ANY = 'any_flow';
const PREVIOUS = 'previous_flow';

/** A Mermaid state id: letters, digits and underscores. */
const stateId = (name: string) => name.replace(/[^A-Za-z0-9]/g, '_');

/** An edge label Mermaid reads safely: `button:confirm` → `press confirm`. */
const eventLabel = (type: EventType) => type.replace(/^button:/, 'press ');

/**
 * The conversation's state diagram (Mermaid `stateDiagram-v2`), drawn from the transition table:
 * one state per flow, one edge per (flow, target) labelled with the events that lead there.
 * `anyFlow` is drawn from an "any flow" state; the default (anything else re-asks the pending
 * question) is a note. The README carries this text; a test keeps the two equal.
 */
export function toMermaid(transitions: Transitions, anyFlow: FlowTransitions<FlowKind>): string {
  const kinds = Object.keys(transitions) as FlowKind[];
  const lines = ['stateDiagram-v2'];
  for (const kind of kinds) {
    if (stateId(kind) !== kind) lines.push(`  state "${kind}" as ${stateId(kind)}`);
  }
  lines.push(`  state "any flow" as ${ANY}`, `  state "the interrupted flow" as ${PREVIOUS}`);
  lines.push(`  [*] --> ${stateId(kinds[0] ?? 'idle')}`);
  const edges = (from: string, row: FlowTransitions<FlowKind>) => {
    const byTarget = new Map<string, string[]>();
    for (const [type, transition] of Object.entries(row) as [
      EventType,
      { to: readonly Target[] },
    ][]) {
      for (const target of transition.to) {
        const to = target === 'same' ? from : target === 'previous' ? PREVIOUS : stateId(target);
        byTarget.set(to, [...(byTarget.get(to) ?? []), eventLabel(type)]);
      }
    }
    for (const [to, labels] of byTarget) lines.push(`  ${from} --> ${to}: ${labels.join(', ')}`);
  };
  for (const kind of kinds) {
    edges(stateId(kind), transitions[kind].on as FlowTransitions<FlowKind>);
  }
  edges(ANY, anyFlow);
  lines.push(
    `  note right of ${ANY} : any other event says why and asks the pending question again`,
  );
  return lines.join('\n');
}
