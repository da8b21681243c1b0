import type {
  AuditRepo,
  CustomerRepo,
  GuidanceRepo,
  JobQueue,
  RatingRepo,
  RelayRepo,
  ReportRepo,
  StaffRepo,
  TicketRepo,
  TranscriptRepo,
} from '../../core/index.ts';
import type { Database } from '../database.ts';
import { createJobQueue } from '../jobs/queue.ts';
import { createAuditRepo } from './audit.ts';
import { createCustomerRepo } from './customers.ts';
import { createGuidanceRepo } from './guidance.ts';
import { createRatingRepo } from './ratings.ts';
import { createRelayRepo } from './relay.ts';
import { createReportRepo } from './report.ts';
import { createStaffRepo } from './staff.ts';
import { createTicketRepo } from './tickets.ts';
import { createTranscriptRepo } from './transcript.ts';
import { createTurnRepo, type TurnRepo } from './turns.ts';

export type Repositories = {
  customers: CustomerRepo;
  tickets: TicketRepo;
  transcript: TranscriptRepo;
  staff: StaffRepo;
  jobs: JobQueue;
  guidance: GuidanceRepo;
  report: ReportRepo;
  relay: RelayRepo;
  ratings: RatingRepo;
  audit: AuditRepo;
  turns: TurnRepo;
};

/** Every repository over one database (PGlite or Postgres alike). */
export function createRepositories(db: Database): Repositories {
  return {
    customers: createCustomerRepo(db),
    tickets: createTicketRepo(db),
    transcript: createTranscriptRepo(db),
    staff: createStaffRepo(db),
    jobs: createJobQueue(db),
    guidance: createGuidanceRepo(db),
    report: createReportRepo(db),
    relay: createRelayRepo(db),
    ratings: createRatingRepo(db),
    audit: createAuditRepo(db),
    turns: createTurnRepo(db),
  };
}

export * from './conversation-states.ts';
export { readTurn, type TurnRead } from './turn-read.ts';
export {
  commitPlainTurn,
  commitTurnTail,
  type PlainTurn,
  type TurnRepo,
  type TurnTail,
} from './turns.ts';
export {
  createAuditRepo,
  createCustomerRepo,
  createGuidanceRepo,
  createRatingRepo,
  createRelayRepo,
  createReportRepo,
  createStaffRepo,
  createTicketRepo,
  createTranscriptRepo,
  createTurnRepo,
};
