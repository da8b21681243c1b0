import type {
  CustomerRepo,
  GuidanceRepo,
  JobQueue,
  ReportRepo,
  StaffRepo,
  TicketRepo,
  TranscriptRepo,
} from '../../core/index.ts';
import type { Database } from '../database.ts';
import { createJobQueue } from '../jobs/queue.ts';
import { createCustomerRepo } from './customers.ts';
import { createGuidanceRepo } from './guidance.ts';
import { createReportRepo } from './report.ts';
import { createStaffRepo } from './staff.ts';
import { createTicketRepo } from './tickets.ts';
import { createTranscriptRepo } from './transcript.ts';

export type Repositories = {
  customers: CustomerRepo;
  tickets: TicketRepo;
  transcript: TranscriptRepo;
  staff: StaffRepo;
  jobs: JobQueue;
  guidance: GuidanceRepo;
  report: ReportRepo;
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
  };
}

export {
  createCustomerRepo,
  createGuidanceRepo,
  createReportRepo,
  createStaffRepo,
  createTicketRepo,
  createTranscriptRepo,
};
