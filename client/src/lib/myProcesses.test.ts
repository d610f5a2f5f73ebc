import { afterEach, describe, expect, it } from 'vitest';
import { forgetProcess, listMyProcesses, organiserTokenFor, rememberProcess } from './myProcesses.js';

afterEach(() => localStorage.clear());

describe('my processes (browser memory)', () => {
  it('lists newest first, updates by code keeping the first creation date, and forgets one', () => {
    rememberProcess({ code: 'AAAAAA', title: 'Lombok heat plan', organiserToken: 'tok-a', createdAt: 100 });
    rememberProcess({ code: 'BBBBBB', title: 'Park plan', organiserToken: 'tok-b', createdAt: 200 });
    expect(listMyProcesses().map((p) => p.code)).toEqual(['BBBBBB', 'AAAAAA']);

    rememberProcess({ code: 'AAAAAA', title: 'Lombok heat plan 2027', organiserToken: 'tok-a2', createdAt: 300 });
    expect(listMyProcesses()).toEqual([
      { code: 'BBBBBB', title: 'Park plan', organiserToken: 'tok-b', createdAt: 200 },
      { code: 'AAAAAA', title: 'Lombok heat plan 2027', organiserToken: 'tok-a2', createdAt: 100 },
    ]);
    expect(organiserTokenFor('AAAAAA')).toBe('tok-a2');
    expect(organiserTokenFor('CCCCCC')).toBeNull();

    forgetProcess('BBBBBB');
    expect(listMyProcesses().map((p) => p.code)).toEqual(['AAAAAA']);
  });

  it('reads a hand-edited or broken value as nothing remembered, and keeps it apart from the workshops', () => {
    localStorage.setItem('raakvlak.processes', JSON.stringify([{ code: 'AAAAAA', title: 'x', createdAt: 1 }]));
    expect(listMyProcesses()).toEqual([]);
    localStorage.setItem('raakvlak.processes', '{not json');
    expect(listMyProcesses()).toEqual([]);
    rememberProcess({ code: 'AAAAAA', title: 'T', organiserToken: 't', createdAt: 1 });
    expect(localStorage.getItem('raakvlak.workshops')).toBeNull();
    expect(JSON.parse(localStorage.getItem('raakvlak.processes') ?? 'null')).toEqual([{ code: 'AAAAAA', title: 'T', organiserToken: 't', createdAt: 1 }]);
  });
});
