import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { anyFlow, toMermaid, transitions } from '../../core/index.ts';

/** Markers around the generated diagram in the README. */
export const DIAGRAM_START = '<!-- conversation-diagram:start (npm run diagram) -->';
export const DIAGRAM_END = '<!-- conversation-diagram:end -->';

/** The README with its conversation diagram replaced by the one drawn from the table. */
export function withDiagram(readme: string): string {
  const start = readme.indexOf(DIAGRAM_START);
  const end = readme.indexOf(DIAGRAM_END);
  if (start < 0 || end < start) throw new Error('README: conversation diagram markers not found');
  const block = ['', '```mermaid', toMermaid(transitions, anyFlow), '```', ''].join('\n');
  return readme.slice(0, start + DIAGRAM_START.length) + block + readme.slice(end);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const path = resolve(import.meta.dirname, '../../README.md');
  const before = readFileSync(path, 'utf8');
  const after = withDiagram(before);
  if (after !== before) writeFileSync(path, after);
  console.log(after === before ? 'README diagram is up to date' : 'README diagram written');
}
