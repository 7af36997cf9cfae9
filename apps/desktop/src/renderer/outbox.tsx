import { Badge, Button, EmptyState, PageHeader } from '@vitrine/ui';
import { useEffect, useRef, useState } from 'react';
import type { OutboxItemView } from '../shared/bridge.ts';
import { useDiscardAnswer, useOutbox } from './bridge-client.ts';
import { ErrorText } from './error-text.tsx';
import { formatDateTime } from './format.ts';
import { t } from './i18n.ts';

/** The answers on their way: refused ones to deal with first, then those waiting, then those sent today. */
export function Outbox() {
  const outbox = useOutbox();
  const items = outbox.data ?? [];
  const conflicts = items.filter((item) => item.status === 'conflict');
  const pending = items.filter((item) => item.status === 'pending');
  const sent = items.filter((item) => item.status === 'sent').reverse();

  return (
    <>
      <PageHeader title={t.outboxTitle} description={t.outboxDescription} />
      <ErrorText error={outbox.error} />
      {outbox.isPending ? (
        <p className="muted">{t.loading}</p>
      ) : items.length === 0 ? (
        outbox.error ? null : <EmptyState title={t.outboxEmpty}>{t.outboxEmptyHint}</EmptyState>
      ) : (
        <>
          {conflicts.length > 0 ? (
            <section aria-labelledby="conflicts-title" className="outbox-section">
              <h2 id="conflicts-title">{t.conflicts}</h2>
              <p className="muted">{t.conflictsHint}</p>
              <ul className="outbox-list">
                {conflicts.map((item) => (
                  <OutboxEntry key={item.id} item={item} />
                ))}
              </ul>
            </section>
          ) : null}
          {pending.length > 0 ? (
            <section aria-labelledby="pending-title" className="outbox-section">
              <h2 id="pending-title">{t.pendingTitle}</h2>
              <ul className="outbox-list">
                {pending.map((item) => (
                  <OutboxEntry key={item.id} item={item} />
                ))}
              </ul>
            </section>
          ) : null}
          {sent.length > 0 ? (
            <section aria-labelledby="sent-title" className="outbox-section">
              <h2 id="sent-title">{t.sentTitle}</h2>
              <ul className="outbox-list">
                {sent.map((item) => (
                  <OutboxEntry key={item.id} item={item} />
                ))}
              </ul>
            </section>
          ) : null}
        </>
      )}
    </>
  );
}

const COPIED_MS = 2_500;

function OutboxEntry({ item }: { item: OutboxItemView }) {
  const discard = useDiscardAnswer();
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const copyText = async () => {
    clearTimeout(timer.current);
    try {
      await navigator.clipboard.writeText(item.text);
      setCopy('copied');
      timer.current = setTimeout(() => setCopy('idle'), COPIED_MS);
    } catch {
      setCopy('failed');
    }
  };

  const testId = item.status === 'conflict' ? 'conflict' : item.status === 'pending' ? 'pending' : 'sent';
  return (
    <li className={`outbox-item outbox-item--${item.status} v-card`} data-testid={testId} data-outbox-id={item.id}>
      <div className="outbox-item__head">
        {item.status === 'conflict' ? (
          <p className="outbox-item__error" role="alert">
            {item.error}
          </p>
        ) : item.status === 'pending' ? (
          <p>
            <Badge tone="warning">{t.waitingToSend}</Badge>
            {item.error ? <span className="outbox-item__reason"> {item.error}</span> : null}
          </p>
        ) : (
          <p>
            <Badge tone="success">{t.sentAt}</Badge> <time dateTime={item.updatedAt}>{formatDateTime(item.updatedAt)}</time>
          </p>
        )}
        <time className="muted small" dateTime={item.createdAt}>
          {formatDateTime(item.createdAt)}
        </time>
      </div>

      <dl className="outbox-item__texts">
        <div>
          <dt>{t.question}</dt>
          <dd>{item.questionText ?? <span className="muted">{t.questionUnknown}</span>}</dd>
        </div>
        <div>
          <dt>{t.yourAnswer}</dt>
          <dd className="outbox-item__answer" data-testid="outbox-answer">
            {item.text}
          </dd>
        </div>
      </dl>

      {item.status === 'conflict' ? (
        <div className="v-row outbox-item__actions">
          <Button variant="secondary" className="button--small" onClick={() => void copyText()}>
            {t.copyText}
          </Button>
          <Button variant="danger" className="button--small" onClick={() => discard.mutate(item.id)} disabled={discard.isPending}>
            {t.discard}
          </Button>
          <span role="status" className="copy-state">
            {copy === 'copied' ? t.copied : copy === 'failed' ? t.copyFailed : ''}
          </span>
        </div>
      ) : null}
      <ErrorText error={discard.error} />
    </li>
  );
}
