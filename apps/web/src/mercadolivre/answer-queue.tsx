'use client';
import { useMutation, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Badge, Button, Card, EmptyState } from '@vitrine/ui';
import { ANSWER_MAX_LENGTH } from '@vitrine/mercadolivre/schemas';
import type { Locale } from '../i18n/locale.ts';
import { mercadolivreMessages } from '../i18n/messages/mercadolivre.ts';
import { useTRPC } from '../trpc/client.tsx';
import { formatDateTime, formatMinor } from './format.ts';

/** One answer being written; the key is made once per draft, so sending it twice is one answer. */
interface Draft {
  text: string;
  idempotencyKey: string;
  /** Our answer row once the router took it; its status is polled until the worker settles it. */
  answerId?: string;
}

const newDraft = (text = ''): Draft => ({ text, idempotencyKey: crypto.randomUUID() });
const POLL_MS = 1_000;

/** The keys that move through the queue, ignored while typing (Ctrl+Enter sends from the answer box). */
function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.tagName === 'TEXTAREA' || target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.isContentEditable);
}

export function AnswerQueue({ questionIds, startAt, locale }: { questionIds: string[]; startAt?: string | undefined; locale: Locale }) {
  const t = mercadolivreMessages[locale];
  const trpc = useTRPC();
  const router = useRouter();
  const [order, setOrder] = useState(questionIds);
  const [index, setIndex] = useState(() => Math.max(0, startAt ? questionIds.indexOf(startAt) : 0));
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const answerBox = useRef<HTMLTextAreaElement>(null);
  const currentId = order[index];
  const draft = currentId ? (drafts[currentId] ?? null) : null;

  const question = useQuery({
    ...trpc.mercadolivre.question.queryOptions({ id: currentId ?? '' }),
    enabled: Boolean(currentId),
    staleTime: 0,
    // After sending, the worker posts the answer to ML: poll until our answer is no longer PENDING.
    refetchInterval: (query) => {
      const answerId = currentId ? drafts[currentId]?.answerId : undefined;
      const ours = answerId ? query.state.data?.answers.find((a) => a.id === answerId) : undefined;
      return answerId && (!ours || ours.status === 'PENDING') ? POLL_MS : false;
    },
  });
  const send = useMutation(
    trpc.mercadolivre.answer.mutationOptions({
      onSuccess: ({ answerId }, input) => {
        setDrafts((all) => ({ ...all, [input.questionId]: { ...(all[input.questionId] ?? newDraft(input.text)), answerId } }));
        void question.refetch();
      },
    }),
  );

  const detail = question.data && question.data.id === currentId ? question.data : null;
  const ours = draft?.answerId ? detail?.answers.find((a) => a.id === draft.answerId) : undefined;
  const outcome = draft?.answerId ? (ours?.status ?? 'PENDING') : null;
  const locked = send.isPending || outcome === 'PENDING' || outcome === 'SENT';

  const go = useCallback((step: 1 | -1) => {
    send.reset();
    setIndex((i) => Math.min(Math.max(i + step, 0), Math.max(order.length - 1, 0)));
  }, [order.length, send]);
  const skip = useCallback(() => {
    if (!currentId) return;
    send.reset();
    // A skipped question goes to the back of the queue rather than away: it still needs an answer.
    setOrder((ids) => [...ids.filter((id) => id !== currentId), currentId]);
  }, [currentId, send]);
  const submit = useCallback(() => {
    if (!currentId || locked) return;
    const current = drafts[currentId];
    const text = current?.text.trim() ?? '';
    if (!text || text.length > ANSWER_MAX_LENGTH || !current) return;
    send.mutate({ questionId: currentId, text, idempotencyKey: current.idempotencyKey });
  }, [currentId, drafts, locked, send]);

  const setText = (text: string) => {
    if (!currentId) return;
    setDrafts((all) => {
      const previous = all[currentId];
      // A refused answer is settled: editing it starts a new draft with its own key.
      if (!previous || (previous.answerId && outcome === 'REFUSED')) return { ...all, [currentId]: newDraft(text) };
      return { ...all, [currentId]: { ...previous, text } };
    });
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
        event.preventDefault();
        submit();
        return;
      }
      if (isTyping(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === 'j' || event.key === 'n') go(1);
      else if (event.key === 'k') go(-1);
      else if (event.key === 's') skip();
      else return;
      event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [go, skip, submit]);

  if (!currentId) {
    return (
      <EmptyState title={t.queueEmptyTitle} action={<Link href="/admin/mercadolivre/questions">{t.queueEmptyAction}</Link>}>
        {t.queueEmptyBody}
      </EmptyState>
    );
  }

  const text = draft?.text ?? '';
  const tooLong = text.length > ANSWER_MAX_LENGTH;
  return (
    <div data-testid="ml-queue">
      <div className="v-row" style={{ alignItems: 'center', justifyContent: 'space-between', marginBottom: 12 }}>
        <span data-testid="ml-queue-position">{t.queuePosition(index + 1, order.length)}</span>
        <span style={{ color: 'var(--muted)', fontSize: '0.85rem' }}>
          <kbd>j</kbd>/<kbd>n</kbd> {t.keyNext} · <kbd>k</kbd> {t.keyPrevious} · <kbd>s</kbd> {t.keySkip} · <kbd>Ctrl</kbd>+<kbd>Enter</kbd> {t.keySend}
        </span>
      </div>
      {question.error ? (
        <p className="v-alert" role="alert">
          {question.error.message}
        </p>
      ) : null}
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 2fr) minmax(0, 1fr)', gap: 16 }}>
        <Card>
          {detail ? (
            <>
              <p style={{ color: 'var(--muted)', margin: 0, fontSize: '0.85rem' }}>
                {t.askedBy(formatDateTime(detail.dateCreated, locale), String(detail.buyerId))}
                <Badge tone={detail.status === 'UNANSWERED' ? 'warning' : 'neutral'}>{t.status(detail.status)}</Badge>
              </p>
              <blockquote data-testid="ml-queue-question" style={{ fontSize: '1.1rem', margin: '12px 0' }}>
                {detail.text}
              </blockquote>
            </>
          ) : (
            <p>{t.loadingQuestion}</p>
          )}
          <form
            onSubmit={(event) => {
              event.preventDefault();
              submit();
            }}
          >
            <div className={tooLong ? 'v-field v-field--invalid' : 'v-field'}>
              <label htmlFor="ml-answer">{t.yourAnswer}</label>
              <textarea
                id="ml-answer"
                ref={answerBox}
                rows={5}
                maxLength={ANSWER_MAX_LENGTH}
                value={text}
                readOnly={locked}
                onChange={(event) => setText(event.target.value)}
                aria-describedby="ml-answer-count"
                style={{ font: 'inherit', padding: 8, border: '1px solid var(--border)', borderRadius: 'var(--radius)' }}
              />
              <span id="ml-answer-count" style={{ color: tooLong ? 'var(--danger)' : 'var(--muted)', fontSize: '0.85rem' }}>
                {`${text.length} / ${ANSWER_MAX_LENGTH}`}
              </span>
            </div>
            <div className="v-row" style={{ alignItems: 'center' }}>
              <Button type="submit" disabled={locked || !text.trim() || tooLong}>
                {send.isPending ? t.sending : t.sendAnswer}
              </Button>
              <Button variant="secondary" onClick={skip}>
                {t.skip}
              </Button>
              <Button variant="secondary" onClick={() => go(1)} disabled={index >= order.length - 1}>
                {t.next}
              </Button>
              <span role="status" data-testid="ml-answer-outcome">
                {outcome === 'PENDING' ? t.sendingToMl : null}
                {outcome === 'SENT' ? <Badge tone="success">{t.sent}</Badge> : null}
              </span>
            </div>
            {outcome === 'REFUSED' ? (
              <p className="v-alert" role="alert" style={{ marginTop: 12 }}>
                {t.refused(ours?.refusalReason)}
              </p>
            ) : null}
            {send.error ? (
              <p className="v-alert" role="alert" style={{ marginTop: 12 }}>
                {send.error.message}
              </p>
            ) : null}
          </form>
        </Card>
        <div style={{ display: 'grid', gap: 16, alignContent: 'start' }}>
          <Card>
            <h3 style={{ marginTop: 0 }}>{t.itemHeading}</h3>
            {detail?.item ? (
              <div data-testid="ml-queue-item">
                {detail.item.thumbnail ? <img src={detail.item.thumbnail} alt="" width={90} height={90} style={{ objectFit: 'cover' }} /> : null}
                <p style={{ margin: '4px 0' }}>
                  {detail.item.permalink ? (
                    <a href={detail.item.permalink} target="_blank" rel="noreferrer">
                      {detail.item.title}
                    </a>
                  ) : (
                    detail.item.title
                  )}
                </p>
                <p style={{ margin: 0, color: 'var(--muted)' }}>{`${formatMinor(detail.item.priceMinor, detail.item.currency, locale)} · ${detail.item.mlItemId}`}</p>
              </div>
            ) : (
              <p style={{ color: 'var(--muted)' }}>{detail ? t.itemNotSynced(detail.mlItemId) : '…'}</p>
            )}
          </Card>
          <Card>
            <h3 style={{ marginTop: 0 }}>{t.askedBefore}</h3>
            {detail && detail.previousQuestions.length === 0 ? <p style={{ color: 'var(--muted)' }}>{t.noEarlierQuestions}</p> : null}
            <ul style={{ paddingLeft: 16, margin: 0 }} data-testid="ml-queue-previous">
              {detail?.previousQuestions.map((previous) => (
                <li key={previous.id} style={{ marginBottom: 8 }}>
                  <span>{previous.text}</span>
                  <br />
                  <span style={{ color: 'var(--muted)', fontSize: '0.85rem' }}>
                    {previous.answerText ? t.answered(previous.answerText) : t.status(previous.status)}
                  </span>
                </li>
              ))}
            </ul>
          </Card>
        </div>
      </div>
      {index >= order.length - 1 ? (
        <p>
          <Button variant="secondary" onClick={() => router.refresh()}>
            {t.loadNewer}
          </Button>
        </p>
      ) : null}
    </div>
  );
}
