import type { Execution } from '../../client';
import { isTerminal } from '../../client';

/** `42s`, `3m 07s`, `2h 05m`. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) {
    return '–';
  }
  const whole = Math.floor(seconds);
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = whole % 60;
  if (hours > 0) {
    return `${hours}h ${String(minutes).padStart(2, '0')}m`;
  }
  if (minutes > 0) {
    return `${minutes}m ${String(rest).padStart(2, '0')}s`;
  }
  return `${rest}s`;
}

/** How long the execution ran, or has been running at `now`; null before it started. */
export function elapsedSeconds(execution: Execution, now: number): number | null {
  if (isTerminal(execution.status) && execution.elapsed_seconds !== null) {
    return execution.elapsed_seconds;
  }
  const start = execution.started_at ?? execution.launched_at;
  if (!start) {
    return null;
  }
  const end = execution.finished_at && isTerminal(execution.status) ? Date.parse(execution.finished_at) : now;
  return Math.max(0, (end - Date.parse(start)) / 1000);
}

/** A time as local date and time to the second, `2026-11-26 08:07:24`. */
export function formatTime(iso: string | null): string {
  const date = iso ? new Date(iso) : null;
  return date && !Number.isNaN(date.getTime()) ? localDateTime(date, 'display') : '–';
}

/** Local date and time: to the second for reading, or to the minute as a `datetime-local` input takes it. */
export function localDateTime(date: Date, form: 'display' | 'input'): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  const minutes = `${pad(date.getHours())}:${pad(date.getMinutes())}`;
  return form === 'input' ? `${day}T${minutes}` : `${day} ${minutes}:${pad(date.getSeconds())}`;
}

export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}
