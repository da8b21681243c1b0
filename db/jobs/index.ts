export * from './backoff.ts';
export { cancelJobs, createJobQueue, type InsertJobsOptions, insertJobs } from './queue.ts';
export * from './worker.ts';
