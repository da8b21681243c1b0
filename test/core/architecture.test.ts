import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findViolations } from '../support/core-purity.ts';

const root = resolve(import.meta.dirname, '../..');
const core = join(root, 'core');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

/** A file planted in core/ (never written): its path decides what "outside core/" means. */
const planted = join(core, 'warranty/planted.ts');
const check = (source: string) => findViolations(planted, source, core).map((v) => v.rule);

describe('core/ stays pure (checked on the syntax tree)', () => {
  const files = sourceFiles(core);

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files.map((file) => [relative(root, file), file]))(
    '%s imports only core/ and small pure libraries, and reads no clock, randomness, environment or network',
    (_name, file) => {
      expect(findViolations(file, readFileSync(file, 'utf8'), core)).toEqual([]);
    },
  );
});

describe('the purity check catches what it claims (planted violations)', () => {
  it.each([
    ["import { db } from '../../db/index.ts';", 'import from outside core/'],
    ["import '../../bot/main.ts';", 'import from outside core/'],
    ["import 'pg';", 'import of pg'],
    ["export * from '../../db/index.ts';", 'import from outside core/'],
    ["export { x } from 'ioredis';", 'import of ioredis'],
    ["import type { Bot } from 'grammy';", 'import of grammy'],
    ["import { readFileSync } from 'node:fs';", 'import of node:fs'],
    ["const m = await import('pg');", 'import of pg'],
    ["const m = await import('../../db/index.ts');", 'import from outside core/'],
    ['const m = await import(name);', 'computed import()'],
    ["import fs = require('fs');", 'require'],
    ["const fs = require('fs');", 'global require'],
    ['const here = import.meta.url;', 'import.meta'],
    ['const x = Math.random();', 'Math.random'],
    ["const x = Math['random']();", 'Math.random'],
    ['const id = crypto.randomUUID();', 'global crypto'],
    ['const id = globalThis.crypto.randomUUID();', 'global globalThis'],
    ['const t = performance.now();', 'global performance'],
    ["const r = fetch('https://example.com');", 'global fetch'],
    ['const d = new Date;', 'new Date without a time'],
    ['const d = new Date();', 'new Date without a time'],
    ['const s = Date();', 'Date() reads the clock'],
    ['const t = Date.now();', 'Date.now'],
    ['const key = process.env.OPENAI_API_KEY;', 'global process'],
    ['setTimeout(() => undefined, 10);', 'global setTimeout'],
    ["console.log('hello');", 'global console'],
    ['const env = global.process;', 'global global'],
    ["const x = eval('1 + 1');", 'global eval'],
    ["const f = new Function('return Date.now()');", 'global Function'],
    ['const lang = navigator.language;', 'global navigator'],
    ['const D = Date; const d = new D();', 'Date as a value'],
    ['const { now } = Date;', 'Date as a value'],
    ["const t = Reflect.get(Date, 'now')();", 'Date as a value'],
    ["const r = Reflect.get(Math, 'random')();", 'Math as a value'],
    ['const s = new Intl.DateTimeFormat().format();', 'format() without a date'],
    ["const p = new Intl.DateTimeFormat('en').formatToParts();", 'format() without a date'],
  ])('flags %s', (source, rule) => {
    expect(check(source)).toContain(rule);
  });

  it.each([
    "import { z } from 'zod';",
    "import { x } from './sibling.ts';",
    "import { y } from '../shared/calendar-date.ts';",
    "import { parsePhoneNumberFromString } from 'libphonenumber-js/min';",
    'const d = new Date(instant.getTime() + 60_000);',
    'const t = Date.UTC(2025, 0, 1);',
    'const o = { fetch: 1, process: 2, crypto: 3 };',
    'const v = ports.clock.now();',
    'type Port = { fetch(): void; performance: number };',
    'const later = this.process;',
    'const ok = value instanceof Date;',
    'const window = slots[0]; const end = window.end;',
    'function f(global: boolean) { return global; }',
    'const t = Date.parse(text);',
    'function f(at: Date): Date { return at; }',
    'const m = Math.max(1, 2);',
    "const s = new Intl.DateTimeFormat('en').format(at);",
  ])('passes %s', (source) => {
    expect(check(source)).toEqual([]);
  });
});
