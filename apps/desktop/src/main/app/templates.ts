import { randomUUID } from 'node:crypto';
import type { AnswerTemplate } from '../../shared/bridge.ts';
import type { LocalStore } from '../store/store.ts';

/** The seller's answer templates, kept with the store's data on this computer. */

export async function listTemplates(store: LocalStore): Promise<AnswerTemplate[]> {
  return store.query<AnswerTemplate>('SELECT id, name, body FROM templates ORDER BY created_at, id');
}

export async function saveTemplate(store: LocalStore, input: { id?: string; name: string; body: string }): Promise<AnswerTemplate> {
  const clash = await store.query<{ id: string }>('SELECT id FROM templates WHERE lower(name) = lower($1) AND id <> $2', [input.name, input.id ?? '']);
  if (clash.length > 0) throw new Error(`A template named "${input.name}" already exists: choose another name.`);
  if (input.id) {
    const [row] = await store.query<AnswerTemplate>(
      'UPDATE templates SET name = $2, body = $3, updated_at = now() WHERE id = $1 RETURNING id, name, body',
      [input.id, input.name, input.body],
    );
    if (!row) throw new Error('This template no longer exists.');
    return row;
  }
  const [row] = await store.query<AnswerTemplate>('INSERT INTO templates (id, name, body) VALUES ($1, $2, $3) RETURNING id, name, body', [
    randomUUID(),
    input.name,
    input.body,
  ]);
  return row!;
}

export async function deleteTemplate(store: LocalStore, id: string): Promise<void> {
  await store.query('DELETE FROM templates WHERE id = $1', [id]);
}
