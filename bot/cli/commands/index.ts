import type { CliCommand } from '../command.ts';
import { warrantyCommands } from './warranty.ts';

/** Every operator command; each feature adds its own list here. */
export const commands: CliCommand[] = [...warrantyCommands];
