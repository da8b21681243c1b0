import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  CATEGORIES,
  type Category,
  createTriageEngine,
  DEFAULT_DECISION_THRESHOLDS,
  decideNextStep,
  firstMessageSteps,
  hasDefectSign,
  isBareSymptom,
  parseTriageEvalLine,
  scoreTriage,
  type TriageEngine,
  type TriageEvalCase,
  type TriageEvalReport,
  type TriageResult,
} from '../../../core/index.ts';
import { loadConfig } from '../../config.ts';
import { loadTriageContent } from '../../content/index.ts';
import { createI18n, createTranslate } from '../../i18n/index.ts';
import { classifyWithModel } from '../../llm/index.ts';
import { createLogger } from '../../logger.ts';
import { type CliCommand, type CliIo, UsageError } from '../command.ts';
import { parseOptions, required } from '../parse-options.ts';

const out = (io: CliIo, text: string) => io.stdout.write(`${text}\n`);

/** The generic, gas-safe safety text the bot sends when the product is not known. */
const genericSafety = () => createTranslate(createI18n(), 'en')('hazard-generic');

function engineFor(name: string | undefined) {
  const engine = name ?? 'embedded';
  if (engine !== 'embedded' && engine !== 'openai')
    throw new UsageError(`--engine must be embedded or openai, got "${engine}"`);
  const { catalogue, lexicon, model, content } = loadTriageContent();
  return {
    kind: engine,
    engine: createTriageEngine(catalogue, { lexicon, model }),
    catalogue,
    content,
  };
}

/** A malformed line's id, when it is JSON with one (as `warranty check` reports it); else null. */
function idOf(line: string): unknown {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && 'id' in value ? value.id : null;
  } catch {
    return null;
  }
}

const evaluate: CliCommand = {
  words: ['triage', 'eval'],
  summary: 'Score triage on a labelled JSON Lines set (misses, breakdowns, metrics)',
  help: `Usage: npm run -s cli -- triage eval --data FILE [--jsonl OUT] [--engine embedded|openai]

Classifies every line of FILE (JSON Lines: {"id","lang":"zh"|"en","text","category","label"})
and prints one line per miss, then per-language and per-category figures and a label confusion
matrix, and as the last line one JSON object: n, label_accuracy, category_accuracy,
hazard_recall, misuse_precision, fault_recall and more, and where first messages are routed:
misuse_self_service (misuse items guided, checked or asked, not sent to an engineer),
hazard_first (hazard items on the hazard path), fault_direct (fault items escalated at once),
false_alarm (other items on the hazard path). Exit code 1 when a line is malformed.
--jsonl OUT also writes one JSON object per input line, in input order:
{"id","label","category","symptom","next"}, next being guide|checks|ask|escalate|hazard, the
step the bot takes on that first message.
--engine openai reads each line with the model configured by OPENAI_API_KEY, OPENAI_BASE_URL,
OPENAI_MODEL and OPENAI_TIMEOUT (environment or .env), as the bot would: the hazard net and the
catalogue still rule, the embedded engine answers where the model gives no usable answer. The
last line then also has llm_answered, llm_fallbacks, tokens and latency_ms_p50/p90/p99.

Example:
  npm run -s cli -- triage eval --data test/support/triage-extra.jsonl`,
  async run(args, io) {
    const { values } = parseOptions(args, {
      data: { type: 'string' },
      jsonl: { type: 'string' },
      engine: { type: 'string' },
    });
    const file = resolve(io.cwd, required(values.data, 'data'));
    const { kind, engine, catalogue, content } = engineFor(values.engine);
    const config = kind === 'openai' ? loadConfig(io.cwd, io.env) : undefined;
    if (config && !config.OPENAI_API_KEY)
      throw new UsageError('--engine openai needs OPENAI_API_KEY (any word for a local server)');
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new UsageError(`cannot read --data ${file}`);
    }
    const cases: TriageEvalCase[] = [];
    /** Each input line in order: the index of its case, or the problem with it (`--jsonl`). */
    const lines: ({ case: number } | { id: unknown; error: string })[] = [];
    let malformed = 0;
    text.split('\n').forEach((line, index) => {
      if (line.trim() === '') return;
      const parsed = parseTriageEvalLine(line);
      if (typeof parsed === 'string') {
        malformed += 1;
        out(io, `BAD  line ${index + 1}: ${parsed}`);
        lines.push({ id: idOf(line), error: parsed });
      } else lines.push({ case: cases.push(parsed) - 1 });
    });
    const started = performance.now();
    const model = config
      ? await classifyWithModel(
          cases.map((c) => c.text),
          { config, engine, catalogue, content, log: createLogger('warn', io.stderr) },
        )
      : undefined;
    const results = model?.results ?? cases.map((c) => engine.classify(c.text));
    const elapsedMs = performance.now() - started;
    const steps = firstMessageSteps(results, content);
    const report = scoreTriage(cases, results, steps);
    if (values.jsonl !== undefined) {
      const target = resolve(io.cwd, required(values.jsonl, 'jsonl'));
      // One object per input line, in input order; a malformed line gets its id and the problem.
      const written = lines.map((line) => {
        if (!('case' in line)) return JSON.stringify(line);
        const i = line.case;
        return JSON.stringify({
          id: cases[i]?.id,
          label: results[i]?.label ?? null,
          category: results[i]?.category?.id ?? null,
          symptom: results[i]?.symptom?.id ?? null,
          next: steps[i],
        });
      });
      try {
        writeFileSync(target, written.length > 0 ? `${written.join('\n')}\n` : '');
      } catch {
        throw new UsageError(`cannot write --jsonl ${target}`);
      }
    }
    for (const line of formatReport(report)) out(io, line);
    out(
      io,
      JSON.stringify({
        ...report.metrics,
        malformed,
        ms_per_message: round(elapsedMs / Math.max(1, cases.length)),
        ...model?.figures,
      }),
    );
    return malformed > 0 ? 1 : 0;
  },
};

const round = (value: number) => Math.round(value * 1000) / 1000;
const pct = (value: number) => `${(value * 100).toFixed(1)}%`;

/** The human-readable part of the eval output: misses, breakdowns, confusion matrix. */
function formatReport(report: TriageEvalReport): string[] {
  const lines = report.misses.map(
    (m) =>
      `MISS ${m.id} [${m.lang}] label ${m.label}→${m.predictedLabel} category ${m.category}→${m.predictedCategory ?? 'unknown'}` +
      `${m.symptom ? ` symptom ${m.symptom}` : ''}: ${m.text.replace(/\s+/g, ' ').slice(0, 120)}`,
  );
  const group = (title: string, rows: TriageEvalReport['byLanguage']) => {
    lines.push('', title);
    for (const [key, row] of Object.entries(rows)) {
      lines.push(
        `  ${key.padEnd(16)} n=${String(row.n).padStart(3)}  label ${pct(row.labelAccuracy).padStart(6)}  category ${pct(row.categoryAccuracy).padStart(6)}`,
      );
    }
  };
  group('By language:', report.byLanguage);
  group('By category:', report.byCategory);
  lines.push('', 'Label confusion (rows: expected, columns: predicted):');
  const labels = Object.keys(report.confusion);
  lines.push(`  ${''.padEnd(8)}${labels.map((l) => l.padStart(8)).join('')}`);
  for (const expected of labels) {
    const row = report.confusion[expected] ?? {};
    lines.push(
      `  ${expected.padEnd(8)}${labels.map((l) => String(row[l] ?? 0).padStart(8)).join('')}`,
    );
  }
  lines.push('');
  return lines;
}

function describe(result: TriageResult): string[] {
  const pct = (value: number) => `${Math.round(value * 100)}%`;
  const ranked = (
    r: {
      id: string;
      confidence: number;
      runnerUp: { id: string; confidence: number } | null;
    } | null,
  ) =>
    r
      ? `${r.id} ${pct(r.confidence)}${r.runnerUp ? ` (then ${r.runnerUp.id} ${pct(r.runnerUp.confidence)})` : ''}`
      : 'unknown';
  const cues = result.cues;
  return [
    `label     ${labelLine(result)}`,
    `category  ${ranked(result.category)}  [${cues.categoryEvidence.join(', ') || 'no evidence'}]`,
    `symptom   ${ranked(result.symptom)}`,
    `cues      ${
      [
        cues.hazards.length > 0 ? `hazard: ${cues.hazards.join(', ')}` : '',
        cues.negatedHazards.length > 0 ? `negated: ${cues.negatedHazards.join(', ')}` : '',
        cues.alreadyTried ? 'already tried the checks' : '',
        (cues.defects ?? []).filter((d) => d !== 'already_tried').length > 0
          ? `defect: ${(cues.defects ?? []).filter((d) => d !== 'already_tried').join(', ')}`
          : '',
        cues.errorCode
          ? `error code ${cues.errorCode}${cues.unknownErrorCode ? ' (not in guidance)' : ''}`
          : '',
        cues.normalQuestion ? 'asks if normal' : '',
        cues.wantsPerson ? 'wants a person' : '',
        cues.modelNumber ? `model ${cues.modelNumber}` : '',
        isBareSymptom(cues, DEFAULT_DECISION_THRESHOLDS.bareWords) && !hasDefectSign(cues)
          ? `a bare symptom (${wordsOf(cues.words)} words, at most ${DEFAULT_DECISION_THRESHOLDS.bareWords}; no defect sign): quick checks before an engineer, however sure the label`
          : '',
      ]
        .filter(Boolean)
        .join('; ') || 'none'
    }`,
    `text      ${result.language}${result.traditional ? ', Traditional' : ''}${result.truncated ? ', truncated' : ''}${cues.words === undefined ? '' : `, ${wordsOf(cues.words)} words (a Chinese word: 1.5 Han characters)`}`,
    ...explain(result),
  ];
}

/** A message's length in words, to one decimal (Han characters count 1 / 1.5 each). */
const wordsOf = (words: number | undefined) => Math.round((words ?? 0) * 10) / 10;

/**
 * The label and how sure of it the engine is, each number named: where the learned model and the
 * rules were weighed, the calibrated probability the cost rule weighs, and apart from it the
 * unscaled confidence, which only the step-by-step guidance of a misuse reads (its floor).
 */
function labelLine(result: TriageResult): string {
  const p = result.labelProbabilities;
  if (result.explanation?.rule !== 'weighed' || !p || result.label === 'hazard')
    return `${result.label} (confidence ${Math.round(result.labelConfidence * 100)}%)`;
  const { guideLabel } = DEFAULT_DECISION_THRESHOLDS;
  return (
    `${result.label}: calibrated P(${result.label}) ${pct(p[result.label])}, what the cost rule weighs; ` +
    `unscaled confidence ${Math.round(result.labelConfidence * 100)}%, read only by the guidance floor (a misuse is guided step by step at ${Math.round(guideLabel * 100)}% or more)`
  );
}

/** What drove the decision: the combination rule and the learned model's strongest features. */
function explain(result: TriageResult): string[] {
  const why = result.explanation;
  if (!why) return [];
  const pulls = (list: { feature: string; weight: number }[]) =>
    list.map((d) => `${d.feature.replace(/^[a-z]:/, '')} +${d.weight.toFixed(3)}`).join(', ');
  const probabilities = result.labelProbabilities
    ? Object.entries(result.labelProbabilities)
        .map(([label, p]) => `${label} ${pct(p)}`)
        .join(', ')
    : '';
  // Weighed probabilities are calibrated; the cost rule sends a fault to an engineer at once above this.
  const weighed = why.rule === 'weighed';
  const { visitCost, checksCost } = DEFAULT_DECISION_THRESHOLDS;
  return [
    `decided   ${RULES[why.rule]}${probabilities ? ` (${weighed ? 'calibrated: ' : ''}${probabilities})` : ''}`,
    ...(weighed
      ? [
          `cost      a fault goes to an engineer at once above calibrated P(fault) ${pct(visitCost / (visitCost + checksCost))} (a wasted visit ${visitCost} against quick checks ${checksCost}); below it, quick checks first`,
        ]
      : []),
    ...(why.label.length > 0 ? [`features  label ${result.label}: ${pulls(why.label)}`] : []),
    ...(why.category && result.category
      ? [`features  category ${result.category.id}: ${pulls(why.category) || 'none'}`]
      : []),
  ];
}

/** How each combination rule reads in `triage classify`. */
const RULES: Record<NonNullable<TriageResult['explanation']>['rule'], string> = {
  hazard_words: 'hazard net: hazard words (before any model)',
  hazard_symptom: 'rules: a catalogue hazard symptom matched',
  learned_hazard: 'learned model: hazard likely (it may add a hazard, never remove one)',
  breaker_trip: 'rules: a breaker trips as soon as it runs',
  weighed: 'learned model and rule cues weighed (misuse against fault)',
};

const classify: CliCommand = {
  words: ['triage', 'classify'],
  summary: 'Classify one message and show the next step',
  help: `Usage: npm run -s cli -- triage classify "TEXT" [--category CATEGORY] [--asked] [--guidance-failed] [--json]

Runs the embedded engine on TEXT and prints its reading (label, category, symptom, cues) and the
next step the bot would take. --category is the product the session already knows; --asked says
a clarifying question was already asked; --guidance-failed says guidance did not help.
--json prints {"result":…,"next":…} instead.

Example:
  npm run -s cli -- triage classify "雪櫃唔凍，已經換咗插座都唔得" --json`,
  async run(args, io) {
    const { values, positionals } = parseOptions(
      args,
      {
        category: { type: 'string' },
        asked: { type: 'boolean' },
        'guidance-failed': { type: 'boolean' },
        json: { type: 'boolean' },
      },
      true,
    );
    if (positionals.length === 0) throw new UsageError('the message TEXT is required');
    const category = values.category;
    if (category !== undefined && !CATEGORIES.includes(category as Category)) {
      throw new UsageError(`--category must be one of ${CATEGORIES.join(', ')}`);
    }
    const { engine, content } = engineFor('embedded');
    const result = classifyWith(engine, positionals.join(' '), category as Category | undefined);
    const next = decideNextStep(result, {
      content,
      alreadyAsked: values.asked === true,
      guidanceFailed: values['guidance-failed'] === true,
    });
    if (values.json) {
      out(io, JSON.stringify({ result, next }));
      return 0;
    }
    for (const line of describe(result)) out(io, line);
    out(io, `next      ${next.kind}${'reason' in next ? ` (${next.reason})` : ''}`);
    const numbered = (texts: string[]) => texts.map((t, i) => `  ${i + 1}. ${t}`);
    const detail =
      next.kind === 'guide' || next.kind === 'checks'
        ? numbered(
            (next.kind === 'guide' ? next.steps : next.checks).map(
              (s) => `${s.action.en} — ${s.check.en}`,
            ),
          )
        : next.kind === 'hazard'
          ? numbered(next.instructions?.map((s) => s.en) ?? [genericSafety()])
          : next.kind === 'ask'
            ? [`  ${next.question.en} [${next.options.join(' | ')}]`]
            : [];
    for (const line of detail) out(io, line);
    return 0;
  },
};

function classifyWith(
  engine: TriageEngine,
  text: string,
  category: Category | undefined,
): TriageResult {
  return engine.classify(
    text,
    category === undefined ? { explain: true } : { category, explain: true },
  );
}

/** The triage operator commands. */
export const triageCommands: CliCommand[] = [evaluate, classify];
