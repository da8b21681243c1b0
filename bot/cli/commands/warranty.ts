import type { CliCommand } from '../command.ts';

/**
 * The warranty commands. Their code (the warranty engine, the locales, the renderer) is imported
 * when one runs, so `--help` answers at once.
 */
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
  run: async (args, io) => (await import('./warranty-run.ts')).runCheck(args, io),
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
  run: async (args, io) => (await import('./warranty-run.ts')).runExplain(args, io),
};

export const warrantyCommands: CliCommand[] = [check, explain];
