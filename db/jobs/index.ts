export * from './backoff.ts';
export { cancelJobs, createJobQueue, insertJobs } from './queue.ts';
export * from './worker.ts';
