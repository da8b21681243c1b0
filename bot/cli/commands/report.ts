import {
  addDays,
  type CalendarDate,
  compareDates,
  formatDuration,
  parseIsoDate,
  type ServiceFigures,
  TICKET_STATES,
  toCalendarDate,
  toInstant,
} from '../../../core/index.ts';
import { createReportRepo } from '../../../db/index.ts';
import { loadConfig, toContactPromiseRule } from '../../config.ts';
import { type CliCommand, type CliIo, UsageError } from '../command.ts';
import { parseOptions } from '../parse-options.ts';
import { readDatabase } from '../read-database.ts';

/** Days in the default period, today included. */
const DEFAULT_DAYS = 30;

const HELP = `Usage: npm run -s cli -- report [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]

Prints the service manager's figures for tickets and guided cases created from the start of
--from to the end of --to (both days included, in SERVICE_TZ; default: the last ${DEFAULT_DAYS} days,
today included): tickets by state and category, urgent tickets, guidance outcomes, the share
solved without a visit (working over guided cases with an outcome) and the contact promise
(tickets whose first staff message reached the customer by their contact deadline —
STAFF_CONTACT_SLA after filing, or after opening time for a question asked out of hours — of those
due: contacted, or past that deadline now). --json prints one JSON object instead of the table.

Reads DATABASE_URL (PostgreSQL) when set, else the PGlite data folder DATA_DIR (default ./.data;
one process at a time: while the bot runs on it, the command refuses and says so — stop the bot
first, or run it on PostgreSQL). Never migrates: run "db migrate" first.

Example:
  npm run -s cli -- report --from 2025-03-01 --to 2025-03-31`;

function dateOption(value: string | undefined, name: string): CalendarDate | undefined {
  if (value === undefined) return undefined;
  const date = parseIsoDate(value);
  if (date === undefined) {
    throw new UsageError(`--${name} must be a date YYYY-MM-DD, got "${value}"`);
  }
  return date;
}

/** The first and last day of the period, from the options or the last {@link DEFAULT_DAYS} days. */
function toPeriod(
  values: { from?: string; to?: string },
  today: CalendarDate,
): { first: CalendarDate; last: CalendarDate } {
  const from = dateOption(values.from, 'from');
  const last = dateOption(values.to, 'to') ?? today;
  const first = from ?? addDays(last, 1 - DEFAULT_DAYS);
  if (compareDates(first, last) > 0) {
    throw new UsageError(`--from ${first} is after --to ${last}`);
  }
  return { first, last };
}

const pct = (part: number, whole: number) =>
  whole === 0 ? '-' : `${((part / whole) * 100).toFixed(1)}%`;

/** The readable table. */
function formatFigures(
  figures: ServiceFigures,
  period: { first: CalendarDate; last: CalendarDate },
  timeZone: string,
  slaMs: number,
): string[] {
  const row = (label: string, value: string | number, note = '') =>
    `${label.padEnd(28)}${String(value).padStart(6)}${note ? `  ${note}` : ''}`;
  const { tickets, guidance, contact } = figures;
  const answered = guidance.working + guidance.stillBroken + guidance.unconfirmed;
  const categories = Object.entries(tickets.byCategory).sort(
    ([a, m], [b, n]) => n - m || a.localeCompare(b),
  );
  return [
    `Service figures ${period.first} to ${period.last} (${timeZone})`,
    '',
    row('Tickets', tickets.total),
    ...TICKET_STATES.map((state) => row(`  ${state}`, tickets.byState[state])),
    row('  urgent', tickets.urgent),
    ...(categories.length > 0 ? ['  by category:'] : []),
    ...categories.map(([category, n]) => row(`    ${category}`, n)),
    '',
    row('Guided without a visit', guidance.total),
    row('  working', guidance.working),
    row('  still broken', guidance.stillBroken),
    row('  unconfirmed', guidance.unconfirmed),
    row('  awaiting check-back', guidance.pending),
    row(
      'Solved without a visit',
      pct(guidance.working, answered),
      `of ${answered} with an outcome`,
    ),
    '',
    row(
      'Contact promise kept',
      pct(contact.withinSla, contact.measured),
      `${contact.withinSla} of ${contact.measured} due within ${formatDuration(slaMs)}`,
    ),
  ];
}

async function report(args: string[], io: CliIo): Promise<number> {
  const { values } = parseOptions(args, {
    from: { type: 'string' },
    to: { type: 'string' },
    json: { type: 'boolean' },
  });
  const config = loadConfig(io.cwd, io.env);
  const timeZone = config.SERVICE_TZ;
  const slaMs = config.STAFF_CONTACT_SLA;
  const now = new Date();
  const period = toPeriod(values, toCalendarDate(now, timeZone));
  const from = toInstant(period.first, 0, timeZone);
  const to = toInstant(addDays(period.last, 1), 0, timeZone);
  const figures = await readDatabase('report', config, io, (db) =>
    createReportRepo(db).figures(from, to, toContactPromiseRule(config), now),
  );
  if (!figures) return 1;
  if (values.json) {
    const span = { from: period.first, to: period.last, timeZone, start: from, end: to };
    io.stdout.write(`${JSON.stringify({ period: span, slaMs, asOf: now, ...figures })}\n`);
  } else {
    io.stdout.write(`${formatFigures(figures, period, timeZone, slaMs).join('\n')}\n`);
  }
  return 0;
}

/** Reporting commands for the service manager. */
export const reportCommands: CliCommand[] = [
  {
    words: ['report'],
    summary: "the service manager's figures: tickets, guidance outcomes, contact promise",
    help: HELP,
    run: report,
  },
];
