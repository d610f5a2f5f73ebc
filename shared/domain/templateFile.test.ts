import { describe, expect, it } from 'vitest';
import { DomainHarness, HOST } from './testing.js';
import { templateFileSchema, templateFromWorkshop } from './templateFile.js';
import { hostView } from './views.js';

describe('template files', () => {
  it('saves a workshop’s cards and agenda, and a new workshop started from the file has them again', () => {
    const h = new DomainHarness({ title: 'Wijk Noord', template: 'heat-transition', language: 'nl' });
    const rank = h.state.activities[2]!.id;
    h.must('activity:configure', { activityId: rank, rankK: 3, title: 'Wat weegt het zwaarst?', timerSeconds: 120 }, HOST);
    h.must('value:add', { title: 'Rust', description: 'Weinig overlast' }, HOST);
    h.must('value:hide', { valueId: h.state.valueOrder[1], hidden: true }, HOST);
    const view = hostView(h.state);
    const file = templateFromWorkshop({ name: 'Mijn sjabloon', language: 'nl', values: view.values, activities: view.activities, groups: ['Bewoners', 'Wijkraad'] });
    // It survives a trip through a JSON file and the schema.
    const parsed = templateFileSchema.parse(JSON.parse(JSON.stringify(file)));
    expect(parsed.cards).toHaveLength(12); // 12 template cards − 1 hidden + 1 added
    expect(parsed.cards.at(-1)).toEqual({ title: 'Rust', description: 'Weinig overlast' });

    const next = new DomainHarness({ title: 'Wijk Zuid', language: 'en', custom: parsed });
    expect(next.state.template).toBe('custom');
    expect(next.state.groups.map((g) => g.name)).toEqual(['Bewoners', 'Wijkraad']);
    const titles = next.state.valueOrder.map((id) => next.state.values[id]?.title);
    expect(titles[0]).toBe('Affordability'); // a bilingual card shows the new workshop's language
    expect(titles.at(-1)).toBe('Rust');
    expect(next.state.activities.map((a) => a.kind)).toEqual(['explore', 'dots', 'rank', 'rank', 'scan', 'options']);
    expect(next.state.activities[2]).toMatchObject({ title: 'Wat weegt het zwaarst?', config: { rankK: 3, timerSeconds: 120, valueIds: null } });
  });

  it('refuses a file that is not a Raakvlak template', () => {
    expect(templateFileSchema.safeParse({ format: 'other', version: 1 }).success).toBe(false);
    expect(templateFileSchema.safeParse({ format: 'raakvlak-template', version: 1, name: 'x', language: 'nl', cards: [], agenda: [] }).success).toBe(false);
  });
});
