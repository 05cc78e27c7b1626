import { HttpErrorResponse } from '@angular/common/http';
import { of, throwError } from 'rxjs';
import type { I18nService } from '../../core/i18n/i18n.service';
import { ListEditor } from './list-editor';

interface Item {
  id: string;
  name: string;
}
type Form = { name: string };

const i18n = { t: (key: string) => key } as unknown as I18nService;

function editor(overrides: Partial<ConstructorParameters<typeof ListEditor<Item, Form, Form, { name?: string }>>[0]> = {}) {
  const calls: string[] = [];
  const e = new ListEditor<Item, Form, Form, { name?: string }>(
    {
      load: () => of([{ id: 'a', name: 'VIP' }]),
      empty: { name: '' },
      toForm: (item) => ({ name: item.name }),
      validate: (form) => (form.name.trim() ? {} : { name: 'required' }),
      toBody: (form) => ({ name: form.name.trim() }),
      create: (body) => (calls.push(`create ${body.name}`), of({ id: 'b', ...body })),
      update: (id, body) => (calls.push(`update ${id} ${body.name}`), of({ id, ...body })),
      remove: (id) => (calls.push(`remove ${id}`), of(null)),
      ...overrides,
    },
    i18n,
  );
  return { e, calls };
}

describe('ListEditor (settings lists with one inline form)', () => {
  it('shows errors only after a submit, and sends nothing invalid', () => {
    const { e, calls } = editor();
    expect(e.items()).toEqual([{ id: 'a', name: 'VIP' }]);
    e.patch({ name: '  ' });
    expect(e.errors()).toEqual({});
    e.save();
    expect(e.errors()).toEqual({ name: 'required' });
    expect(calls).toEqual([]);
  });

  it('creates and appends, then edits and replaces in place, resetting the form with a notice', () => {
    const { e, calls } = editor();
    e.patch({ name: ' Wholesale ' });
    e.save();
    expect(e.items().map((i) => i.name)).toEqual(['VIP', 'Wholesale']);
    expect(e.form()).toEqual({ name: '' });
    expect(e.notice()).toEqual({ ok: true, text: 'settings.saved' });

    e.startEdit(e.items()[0]);
    expect(e.editingId()).toBe('a');
    e.patch({ name: 'Gold' });
    e.save();
    expect(calls).toEqual(['create Wholesale', 'update a Gold']);
    expect(e.items().map((i) => i.name)).toEqual(['Gold', 'Wholesale']);
    expect(e.editingId()).toBe('new');
  });

  it("keeps the form and shows the server's message when saving fails; removing the edited item closes its form", () => {
    const failing = new HttpErrorResponse({ status: 409, error: { statusCode: 409, code: 'conflict', message: 'A label with this name exists' } });
    const { e } = editor({ create: () => throwError(() => failing) });
    e.patch({ name: 'VIP' });
    e.save();
    expect(e.saving()).toBe(false);
    expect(e.form()).toEqual({ name: 'VIP' });
    expect(e.notice()?.ok).toBe(false);
    expect(e.notice()?.text).toContain('A label with this name exists');

    e.startEdit(e.items()[0]);
    e.remove(e.items()[0]);
    expect(e.items()).toEqual([]);
    expect(e.editingId()).toBe('new');
  });

  it('marks the list as failed to load', () => {
    const { e } = editor({ load: () => throwError(() => new Error('down')) });
    expect(e.loadFailed()).toBe(true);
  });
});
