import {
  decideContactState,
  decideTicketContactDue,
  type EarlierAnswer,
  formatMinute,
  OPEN_TICKET_STATES,
  parseTicketNumber,
  periodRuns,
  TICKET_STATES,
  type Ticket,
  type TicketEvent,
  type TicketState,
  toZonedTime,
  type WarrantyDecision,
} from '../../../core/index.ts';
import { createRepositories, type Database } from '../../../db/index.ts';
import { type Config, loadConfig, toContactPromiseRule } from '../../config.ts';
import { type CliCommand, type CliIo, UsageError } from '../command.ts';
import { parseOptions } from '../parse-options.ts';
import { readDatabase } from '../read-database.ts';

/** One answer's verdict, choices, charge and clauses. */
const verdictOf = (d: Omit<WarrantyDecision, 'period' | 'otherwise'>) =>
  `${d.covered ? 'covered' : `not covered (${d.reason})`} · ${d.remedies.join(', ')} · charge ${d.charge} · clauses ${d.clauses.map((c) => c.id).join(', ')}`;

/**
 * The preliminary warranty answer on one line, as the customer got it: a vague date's answer for
 * each run of its days, the likely one first (the decision says which), and the whole unit's
 * beside a likely part's (review11 L1).
 */
function warrantyLine(decision: WarrantyDecision): string {
  const period = decision.period;
  const runs =
    period && period.holdsFrom !== period.from ? periodLine(decision, period) : verdictOf(decision);
  return decision.otherwise
    ? `${runs} — if another part: ${warrantyLine(decision.otherwise)}`
    : runs;
}

/** Each run of a vague date's days with its answer, the likely one first and marked so. */
function periodLine(
  decision: WarrantyDecision,
  period: NonNullable<WarrantyDecision['period']>,
): string {
  const { runs, earlier, likely } = periodRuns(period);
  const said = runs.map((run, index) => {
    const answer = index === 0 ? decision : (earlier[index - 1] as EarlierAnswer).decision;
    return `${verdictOf(answer)} (start ${run.from}–${run.to}${index === likely ? ', most likely' : ''})`;
  });
  return [said[likely], ...said.filter((_line, index) => index !== likely)].join('; ');
}

const DB_NOTE = `Reads DATABASE_URL (PostgreSQL) when set, else the PGlite data folder DATA_DIR (default ./.data;
one process at a time: while the bot runs on it, the command refuses and says so — stop the bot
first, or run it on PostgreSQL). Never migrates: run "db migrate" first.`;

const LIST_HELP = `Usage: npm run -s cli -- tickets list [--state S[,S…]] [--limit N] [--json]

Lists tickets, urgent first, then oldest first: number, state, kind, product, when filed (in
SERVICE_TZ), the staff member holding it (Telegram user id) and the contact promise (kept, time
left, or broken). --state picks states among ${TICKET_STATES.join(', ')} (default: open, taken,
scheduled); --limit caps the list (default 50); --json prints one JSON object per ticket.

${DB_NOTE}

Example:
  npm run -s cli -- tickets list --state open`;

const SHOW_HELP = `Usage: npm run -s cli -- tickets show <FL-YYMMDD-NNNN> [--json]

Shows one ticket: the customer's contact details, the product, the photos the customer sent
(their Telegram file ids: the files stay with Telegram), triage, the preliminary warranty
answer, the visit window, the staff topic, the contact promise, the rating, and its history (every
event: when, who, what). --json prints it as one JSON object. A number erased with its customer
(/forget) is said to be erased, with nothing more: the erased ticket keeps no number.

${DB_NOTE}

Example:
  npm run -s cli -- tickets show FL-260310-0001`;

/** When, in the service time zone: `2026-03-10 10:05`. */
const when = (at: Date, config: Config) => {
  const { date, minute } = toZonedTime(at, config.SERVICE_TZ);
  return `${date} ${formatMinute(minute)}`;
};

/** The contact promise in words, as of `now`. */
function promiseOf(ticket: Ticket, config: Config, now: Date): string {
  const dueAt = decideTicketContactDue(ticket, toContactPromiseRule(config));
  const state = decideContactState(dueAt, ticket.contactedAt, now);
  switch (state.kind) {
    case 'kept':
      return 'contact made in time';
    case 'kept-late':
      return `contact made ${Math.ceil(state.lateMs / 60_000)} min late`;
    case 'pending':
      return `${Math.ceil(state.leftMs / 60_000)} min left to contact`;
    case 'breached':
      return `contact promise broken ${Math.floor(state.overMs / 60_000)} min ago`;
  }
}

function toStates(value: string | undefined): TicketState[] {
  if (value === undefined) return [...OPEN_TICKET_STATES];
  const states = value.split(',').map((s) => s.trim());
  const bad = states.find((s) => !(TICKET_STATES as readonly string[]).includes(s));
  if (bad !== undefined) throw new UsageError(`--state: unknown state "${bad}"`);
  return states as TicketState[];
}

async function list(args: string[], io: CliIo): Promise<number> {
  const { values } = parseOptions(args, {
    state: { type: 'string' },
    limit: { type: 'string' },
    json: { type: 'boolean' },
  });
  const states = toStates(values.state);
  const limit = values.limit === undefined ? 50 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1)
    throw new UsageError('--limit must be a whole number above 0');
  const config = loadConfig(io.cwd, io.env);
  const now = new Date();
  const tickets = await readDatabase('tickets list', config, io, (db) =>
    createRepositories(db).tickets.listByState(states, limit),
  );
  if (!tickets) return 1;
  for (const ticket of tickets) {
    const promise = promiseOf(ticket, config, now);
    io.stdout.write(
      values.json
        ? `${JSON.stringify({ ...ticket, contactPromise: promise })}\n`
        : `${[
            ticket.number,
            ticket.priority === 'urgent' ? `${ticket.state} URGENT` : ticket.state,
            ticket.kind,
            ticket.category ?? '-',
            `filed ${when(ticket.createdAt, config)}`,
            `holder ${ticket.assigneeId ?? '-'}`,
            promise,
          ].join(' · ')}\n`,
    );
  }
  if (!values.json && tickets.length === 0)
    io.stdout.write(`No tickets in ${states.join(', ')}.\n`);
  return 0;
}

/** A ticket number as read: the number, its day and sequence. */
type TicketNumber = NonNullable<ReturnType<typeof parseTicketNumber>>;

async function load(db: Database, { number, day, sequence }: TicketNumber) {
  const repos = createRepositories(db);
  const ticket = await repos.tickets.getByNumber(number);
  // Handed out and carried by no ticket: erased at the customer's request.
  if (!ticket) return (await repos.tickets.wasNumberIssued(day, sequence)) ? 'erased' : null;
  const [product, topic, rating, history] = await Promise.all([
    ticket.productId ? repos.tickets.getProduct(ticket.productId) : undefined,
    repos.tickets.topicOf(ticket.id),
    repos.ratings.get(ticket.id),
    repos.tickets.history(ticket.id),
  ]);
  return { ticket, product, topic, rating, history };
}

const actorOf = (event: TicketEvent) =>
  event.actor.kind === 'staff'
    ? `staff ${event.actor.staffId}`
    : event.actor.kind === 'customer'
      ? 'customer'
      : 'system';

async function show(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, { json: { type: 'boolean' } }, true);
  const parsed = parseTicketNumber(positionals[0] ?? '');
  if (!parsed) throw new UsageError('give a ticket number such as FL-260310-0001');
  const config = loadConfig(io.cwd, io.env);
  const found = await readDatabase('tickets show', config, io, (db) => load(db, parsed));
  if (found === undefined) return 1;
  if (found === null) {
    io.stderr.write(`tickets show: no ticket ${parsed.number}\n`);
    return 1;
  }
  if (found === 'erased') {
    io.stderr.write(
      `tickets show: ${parsed.number} was erased at the customer's request: the ticket keeps no number and none of their details\n`,
    );
    return 1;
  }
  const { ticket, product, topic, rating, history } = found;
  const promise = promiseOf(ticket, config, new Date());
  if (values.json) {
    io.stdout.write(`${JSON.stringify({ ...found, contactPromise: promise })}\n`);
    return 0;
  }
  const { name, phone, address } = ticket.contact;
  const lines = [
    `${ticket.number} · ${ticket.state}${ticket.priority === 'urgent' ? ' · URGENT' : ''} · ${ticket.kind} · ${ticket.category ?? 'product unknown'}`,
    `Filed:      ${when(ticket.createdAt, config)} (${config.SERVICE_TZ})`,
    `Customer:   ${name ?? '-'} · ${phone ?? '-'} · ${address ?? '-'}`,
    `Problem:    ${ticket.description ?? '-'}`,
    `Product:    ${product ? `${product.modelNumber ?? 'model unknown'}, bought ${product.purchaseDate ?? 'unknown'}` : '-'}`,
    `Photos:     ${product && product.proofPhotoFileIds.length > 0 ? `${product.proofPhotoFileIds.length} (Telegram file ids: ${product.proofPhotoFileIds.join(', ')})` : '-'}`,
    `Triage:     ${ticket.triage ? `${ticket.triage.label} · ${ticket.triage.symptomId ?? '-'}` : '-'}`,
    `Warranty:   ${ticket.warranty ? warrantyLine(ticket.warranty) : '-'}`,
    `Visit:      ${ticket.visitWindow ? `${when(ticket.visitWindow.start, config)}–${when(ticket.visitWindow.end, config).slice(11)}` : '-'}`,
    `Holder:     ${ticket.assigneeId ?? '-'}`,
    `Resolution: ${ticket.resolution ?? '-'}`,
    `Contact:    ${promise}`,
    `Topic:      ${topic ? `${topic.chatId} / ${topic.topicId}` : '-'}`,
    `Rating:     ${rating?.score ? `${rating.score}/5${rating.comment ? ` "${rating.comment}"` : ''}` : rating ? 'asked, not given' : '-'}`,
    '',
    'History:',
    ...history.map(
      (event) =>
        `  ${when(event.at, config)}  ${actorOf(event).padEnd(16)} ${event.type}${
          Object.keys(event.payload).length > 0 ? ` ${JSON.stringify(event.payload)}` : ''
        }`,
    ),
  ];
  io.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

/** Tickets for the operator, with or without a staff chat. */
export const ticketCommands: CliCommand[] = [
  {
    words: ['tickets', 'list'],
    summary: 'open tickets (or any states), urgent first, with holder and contact promise',
    help: LIST_HELP,
    run: list,
  },
  {
    words: ['tickets', 'show'],
    summary: 'one ticket in full: customer, product, warranty, topic, rating and its history',
    help: SHOW_HELP,
    run: show,
  },
];
