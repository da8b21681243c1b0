import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import {
  type Category,
  decideWarranty,
  type Locale,
  toWarrantyCase,
  type WarrantyDecision,
  type WarrantyPolicy,
} from '../../../core/index.ts';
import { loadConfig } from '../../config.ts';
import { loadCatalogue } from '../../content/index.ts';
import { createI18n, createTranslate } from '../../i18n/index.ts';
import { renderWarrantyAnswer } from '../../render/warranty.ts';
import { loadWarrantyPolicy } from '../../warranty-policy.ts';
import { type CliIo, UsageError } from '../command.ts';
import { parseOptions, required } from '../parse-options.ts';

function policyFor(io: CliIo): WarrantyPolicy {
  const config = loadConfig(io.cwd, io.env);
  return loadWarrantyPolicy(config.WARRANTY_POLICY_FILE, io.cwd);
}

/** The contract's output line for one decision. */
function toOutputLine(id: unknown, decision: WarrantyDecision): Record<string, unknown> {
  const line: Record<string, unknown> = {
    id,
    covered: decision.covered,
    remedies: decision.remedies,
    charge: decision.charge,
    clauses: decision.clauses.map((clause) => clause.id),
  };
  if (decision.reason) line.reason = decision.reason;
  return line;
}

/** Judges one JSON Lines input line; never throws. */
export function checkLine(text: string, policy: WarrantyPolicy): Record<string, unknown> {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    return {
      id: null,
      error: `not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  const id = typeof input === 'object' && input !== null && 'id' in input ? input.id : null;
  const parsed = toWarrantyCase(input, policy);
  if (!parsed.ok) return { id, error: parsed.detail ?? parsed.code };
  return toOutputLine(id, decideWarranty(parsed.value, policy));
}

function openFile(path: string): Promise<NodeJS.ReadableStream> {
  return new Promise((ok, fail) => {
    const stream = createReadStream(path);
    stream.once('open', () => ok(stream)).once('error', fail);
  });
}

export async function runCheck(args: string[], io: CliIo): Promise<number> {
  const { values } = parseOptions(args, { cases: { type: 'string' } });
  const file = required(values.cases, 'cases');
  const policy = policyFor(io);
  let input: NodeJS.ReadableStream = io.stdin;
  try {
    if (file !== '-') input = await openFile(resolve(io.cwd, file));
  } catch (error) {
    io.stderr.write(
      `warranty check: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? error}\n`,
    );
    return 1;
  }
  let total = 0;
  let failed = 0;
  for await (const raw of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
    const text = raw.trim();
    if (text === '') continue;
    const line = checkLine(text, policy);
    total += 1;
    if ('error' in line) failed += 1;
    io.stdout.write(`${JSON.stringify(line)}\n`);
  }
  io.stderr.write(
    `warranty check: ${total} case(s), ${total - failed} decided, ${failed} error(s)\n`,
  );
  return failed > 0 ? 1 : 0;
}

const LANGS: Record<string, Locale> = {
  en: 'en',
  zh: 'zh-Hans',
  'zh-Hans': 'zh-Hans',
  'zh-Hant': 'zh-Hant',
  'zh-HK': 'zh-HK',
  'zh-TW': 'zh-TW',
};

export async function runExplain(args: string[], io: CliIo): Promise<number> {
  const { values } = parseOptions(args, {
    case: { type: 'string' },
    lang: { type: 'string', default: 'zh' },
  });
  const locale = LANGS[String(values.lang)];
  if (!locale)
    throw new UsageError(`--lang must be zh, zh-Hant, zh-HK, zh-TW or en, got "${values.lang}"`);
  const policy = policyFor(io);
  let input: unknown;
  try {
    input = JSON.parse(required(values.case, 'case'));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    io.stderr.write(`warranty explain: --case is not valid JSON: ${(error as Error).message}\n`);
    return 1;
  }
  const parsed = toWarrantyCase(input, policy);
  if (!parsed.ok) {
    io.stderr.write(`warranty explain: ${parsed.detail}\n`);
    return 1;
  }
  const { category, part } = parsed.value;
  const parts = knownParts(category, policy);
  if (part !== undefined && !parts.main.includes(part) && !parts.other.includes(part)) {
    io.stderr.write(`warranty explain: ${unknownPart(part, category, parts)}\n`);
    return 1;
  }
  const decision = decideWarranty(parsed.value, policy);
  const t = createTranslate(createI18n(), locale);
  io.stdout.write(`${renderWarrantyAnswer(parsed.value, decision, t, locale)}\n`);
  return 0;
}

/**
 * The parts a category knows: its main parts (the policy) and the parts the catalogue's symptoms
 * name. `warranty check` takes any other name as an ordinary part (design.md); an explanation for
 * a person refuses it instead, so a misspelt main part never reads "not covered".
 */
function knownParts(
  category: Category,
  policy: WarrantyPolicy,
): { main: string[]; other: string[] } {
  const main = Object.keys(policy.categories[category]?.mainParts ?? {}).sort();
  const named = loadCatalogue()
    .filter((entry) => entry.category === category)
    .flatMap((entry) => entry.symptoms.map((symptom) => symptom.part))
    .filter((name): name is string => name !== undefined && !main.includes(name));
  return { main, other: [...new Set(named)].sort() };
}

function unknownPart(
  part: string,
  category: Category,
  parts: { main: string[]; other: string[] },
): string {
  const all = [...parts.main, ...parts.other];
  const near = all.find((name) => editDistance(name, part) <= 2);
  return [
    `unknown part "${part}" for ${category}${near ? ` (did you mean "${near}"?)` : ''}.`,
    ` Main parts: ${parts.main.join(', ') || 'none'}.`,
    ` Other parts: ${parts.other.join(', ') || 'none'}.`,
    ' Leave "part" out for the whole unit.',
  ].join('');
}

/** Levenshtein distance, for a "did you mean". */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
