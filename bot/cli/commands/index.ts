import type { CliCommand, CliListing } from '../command.ts';

/** Each command module, imported when one of its commands runs. */
const modules = {
  warranty: () => import('./warranty.ts').then((module) => module.warrantyCommands),
  db: () => import('./db.ts').then((module) => module.dbCommands),
  triage: () => import('./triage.ts').then((module) => module.triageCommands),
  report: () => import('./report.ts').then((module) => module.reportCommands),
  tickets: () => import('./tickets.ts').then((module) => module.ticketCommands),
} satisfies Record<string, () => Promise<CliCommand[]>>;

const listed = (
  load: () => Promise<CliCommand[]>,
  words: string[],
  summary: string,
): CliListing => ({ words, summary, load });

/**
 * Every operator command, by its words and summary (a test checks they match the modules); each
 * feature adds its own here.
 */
export const commands: CliListing[] = [
  listed(
    modules.warranty,
    ['warranty', 'check'],
    'Decide warranty cases from JSON Lines (one decision a line, same order and ids)',
  ),
  listed(
    modules.warranty,
    ['warranty', 'explain'],
    'Explain one warranty decision in plain words (zh or en)',
  ),
  listed(
    modules.db,
    ['db', 'migrate'],
    'Apply pending database migrations (PostgreSQL or the PGlite data folder)',
  ),
  listed(
    modules.triage,
    ['triage', 'eval'],
    'Score triage on a labelled JSON Lines set (misses, breakdowns, metrics)',
  ),
  listed(modules.triage, ['triage', 'classify'], 'Classify one message and show the next step'),
  listed(
    modules.report,
    ['report'],
    "the service manager's figures: tickets, guidance outcomes, contact promise",
  ),
  listed(
    modules.tickets,
    ['tickets', 'list'],
    'open tickets (or any states), urgent first, with holder and contact promise',
  ),
  listed(
    modules.tickets,
    ['tickets', 'show'],
    'one ticket in full: customer, product, warranty, topic, rating and its history',
  ),
];
