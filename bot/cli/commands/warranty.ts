import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import {
  decideWarranty,
  type Locale,
  toWarrantyCase,
  type WarrantyDecision,
  type WarrantyPolicy,
} from '../../../core/index.ts';
import { loadConfig } from '../../config.ts';
import { createI18n, createTranslate } from '../../i18n/index.ts';
import { renderWarrantyAnswer } from '../../render/warranty.ts';
import { loadWarrantyPolicy } from '../../warranty-policy.ts';
import { type CliCommand, type CliIo, UsageError } from '../command.ts';
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

const check: CliCommand = {
  words: ['warranty', 'check'],
  summary: 'Decide warranty cases from JSON Lines (one decision a line, same order and ids)',
  help: `Usage: npm run -s cli -- warranty check --cases FILE

Reads one case a line (JSON) from FILE, or from standard input when FILE is "-", and writes one
decision a line in the same order with the same "id". A malformed line gets {"id":…,"error":"…"}
and the others still run; the exit code is 1 when any line failed. A summary goes to stderr.
The policy is the built-in one, or WARRANTY_POLICY_FILE.

Case fields: category, purchaseDate (YYYY-MM-DD or null), productionDate?, reportDate, cause,
part?, partReplacedOn?, priorRepairs (default 0), partsWaitDays (default 0).

Example:
  echo '{"id":"w1","category":"refrigerator","purchaseDate":"2025-03-01","reportDate":"2025-03-05","cause":"normal_use"}' \\
    | npm run -s cli -- warranty check --cases -`,
  async run(args, io) {
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
  },
};

const LANGS: Record<string, Locale> = {
  en: 'en',
  zh: 'zh-Hans',
  'zh-Hans': 'zh-Hans',
  'zh-Hant': 'zh-Hant',
  'zh-HK': 'zh-HK',
  'zh-TW': 'zh-TW',
};

const explain: CliCommand = {
  words: ['warranty', 'explain'],
  summary: 'Explain one warranty decision in plain words (zh or en)',
  help: `Usage: npm run -s cli -- warranty explain --case JSON [--lang zh|zh-Hant|zh-HK|zh-TW|en]

Decides one case (the same fields as "warranty check") and prints the answer a customer or a
staff member reads: the verdict, the remedies and charge, each clause with its dates.

Example:
  npm run -s cli -- warranty explain --lang en \\
    --case '{"category":"refrigerator","purchaseDate":"2025-03-14","reportDate":"2026-01-02","cause":"normal_use","part":"compressor"}'`,
  async run(args, io) {
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
    const decision = decideWarranty(parsed.value, policy);
    const t = createTranslate(createI18n(), locale);
    io.stdout.write(`${renderWarrantyAnswer(parsed.value, decision, t, locale)}\n`);
    return 0;
  },
};

export const warrantyCommands: CliCommand[] = [check, explain];
