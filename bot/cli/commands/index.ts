import type { CliCommand } from '../command.ts';
import { dbCommands } from './db.ts';
import { reportCommands } from './report.ts';
import { ticketCommands } from './tickets.ts';
import { triageCommands } from './triage.ts';
import { warrantyCommands } from './warranty.ts';

/** Every operator command; each feature adds its own list here. */
export const commands: CliCommand[] = [
  ...warrantyCommands,
  ...dbCommands,
  ...triageCommands,
  ...reportCommands,
  ...ticketCommands,
];
