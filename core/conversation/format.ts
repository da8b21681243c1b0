import type { Window } from './state.ts';

/** Minutes since midnight as `HH:MM`. */
export function formatMinute(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** `2025-03-16 14:00–16:00`. */
export function formatWindow(window: Window): string {
  return `${window.date} ${formatMinute(window.startMinute)}–${formatMinute(window.endMinute)}`;
}
