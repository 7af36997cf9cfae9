import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createWhatsAppSink, readWhatsAppSink, whatsAppSenderFromEnv } from './index.ts';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe('the local WhatsApp sink', () => {
  it('records every message with an id and reads them back in the order sent', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wa-sink-'));
    dirs.push(dir);
    const sink = createWhatsAppSink(join(dir, 'nested', 'messages.jsonl'));
    expect(await sink.messages()).toEqual([]);
    const first = await sink.send({ to: '+5511999990000', text: 'Pedido #1001 confirmado', kind: 'order.confirmation', tenantId: 't1' });
    await sink.send({ to: '+5511999990000', text: 'Pedido #1001 enviado', kind: 'order.shipped' });
    const messages = await readWhatsAppSink(sink.file);
    expect(messages.map((m) => [m.kind, m.text])).toEqual([
      ['order.confirmation', 'Pedido #1001 confirmado'],
      ['order.shipped', 'Pedido #1001 enviado'],
    ]);
    expect(messages[0]).toMatchObject({ messageId: first.messageId, to: '+5511999990000', tenantId: 't1' });
    expect(messages[0]!.messageId).not.toBe(messages[1]!.messageId);
  });

  it('is the configured provider only when WHATSAPP_SINK_FILE is set', () => {
    expect(whatsAppSenderFromEnv({})).toBeNull();
    expect(whatsAppSenderFromEnv({ WHATSAPP_SINK_FILE: '/tmp/x.jsonl' })).not.toBeNull();
  });
});
