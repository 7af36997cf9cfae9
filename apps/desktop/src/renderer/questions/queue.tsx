import { useQueryClient } from '@tanstack/react-query';
import { Badge, Button, EmptyState, PageHeader } from '@vitrine/ui';
import { useEffect, useMemo, useRef, useState } from 'react';
import { renderTemplate, type AnswerTemplate, type AppStatus, type QueueQuestion } from '../../shared/bridge.ts';
import { keys, useAccounts, useAnswer, useQuestions, useTemplates } from '../bridge-client.ts';
import { ErrorText } from '../error-text.tsx';
import { formatAgo, formatDateTime } from '../format.ts';
import { t } from '../i18n.ts';
import { EarlierQuestions } from './earlier-questions.tsx';
import { ShortcutLegend } from './shortcut-legend.tsx';
import { useQueueShortcuts, type QueueAction } from './shortcuts.ts';

interface Notice {
  text: string;
  tone: 'success' | 'warning' | 'danger';
}

/** Appends a template's text to what is already written. */
function appendText(draft: string, text: string): string {
  if (draft === '') return text;
  return /\s$/.test(draft) ? draft + text : `${draft} ${text}`;
}

/**
 * The queue of unanswered questions, oldest first: one question at a time with the answer box, the buyer's
 * earlier questions beside it, templates and keyboard shortcuts. Skipped questions go to the back of the line
 * for this session; answered ones leave at once (the answer is in the outbox, sent when online).
 */
export function QuestionQueue({ accountId, status }: { accountId: string | undefined; status: AppStatus }) {
  const queryClient = useQueryClient();
  const questions = useQuestions(accountId);
  const templates = useTemplates();
  const accounts = useAccounts();
  const answer = useAnswer();

  /** The session's order of question ids (skipping moves one to the end); new questions join at the end. */
  const [order, setOrder] = useState<string[]>([]);
  const [currentId, setCurrentId] = useState<string | null>(null);
  /** Where the current question was: when it leaves the queue, the one now at this place comes next. */
  const [position, setPosition] = useState(0);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  /** Answered in this window and not yet gone from the query's data. */
  const [answered, setAnswered] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState<Notice | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const answerBox = useRef<HTMLTextAreaElement>(null);

  const data = questions.data;
  useEffect(() => {
    if (!data) return;
    setAnswered((previous) => {
      const still = [...previous].filter((id) => data.some((question) => question.id === id));
      return still.length === previous.size ? previous : new Set(still);
    });
  }, [data]);

  const { ordered, byId } = useMemo(() => {
    const present = (data ?? []).filter((question) => !answered.has(question.id));
    const map = new Map(present.map((question) => [question.id, question] as const));
    const known = order.filter((id) => map.has(id));
    const fresh = present.filter((question) => !order.includes(question.id)).map((question) => question.id);
    return { ordered: [...known, ...fresh], byId: map };
  }, [data, answered, order]);

  const index = currentId !== null && byId.has(currentId) ? ordered.indexOf(currentId) : Math.min(position, ordered.length - 1);
  const current: QueueQuestion | undefined = index >= 0 ? byId.get(ordered[index] ?? '') : undefined;
  const draft = current ? (drafts[current.id] ?? '') : '';

  const accountNames = useMemo(() => new Map((accounts.data ?? []).map((account) => [account.id, account.nickname] as const)), [accounts.data]);

  const select = (at: number) => {
    if (ordered.length === 0) return;
    const next = Math.max(0, Math.min(at, ordered.length - 1));
    setCurrentId(ordered[next] ?? null);
    setPosition(next);
    setFormError(null);
  };

  const setDraft = (text: string) => {
    if (!current) return;
    setDrafts((previous) => ({ ...previous, [current.id]: text }));
    if (formError) setFormError(null);
  };

  const focusAnswer = () => {
    const box = answerBox.current;
    if (!box) return;
    box.focus();
    const end = box.value.length;
    box.setSelectionRange(end, end);
  };

  const insertTemplate = (template: AnswerTemplate | undefined) => {
    if (!current || !template) return;
    const text = renderTemplate(template.body, { buyer: current.buyerNickname, item: current.itemTitle, store: status.store?.name });
    setDraft(appendText(draft, text));
    requestAnimationFrame(focusAnswer);
  };

  const skip = () => {
    if (!current || ordered.length < 2) return;
    const rest = ordered.filter((id) => id !== current.id);
    setOrder([...rest, current.id]);
    setCurrentId(rest[index] ?? rest[0] ?? null);
    setPosition(index);
    setFormError(null);
  };

  const send = () => {
    if (!current || answer.isPending) return;
    const text = draft.trim();
    if (text === '') {
      setFormError(t.answerEmpty);
      focusAnswer();
      return;
    }
    const question = current;
    setNotice(null);
    answer.mutate(
      { questionId: question.id, text },
      {
        onSuccess: (item) => {
          const connection = queryClient.getQueryData<AppStatus>(keys.status)?.connection ?? status.connection;
          setNotice(
            item.status === 'conflict'
              ? { text: item.error ?? t.conflicts, tone: 'danger' }
              : connection === 'offline'
                ? { text: t.queuedOffline, tone: 'warning' }
                : { text: t.sentOnline, tone: 'success' },
          );
          setDrafts(({ [question.id]: _sent, ...rest }) => rest);
          setAnswered((previous) => new Set([...previous, question.id]));
          // The next question takes the answered one's place.
          const at = ordered.indexOf(question.id);
          const after = ordered.filter((id) => id !== question.id);
          setCurrentId(after[Math.min(at, after.length - 1)] ?? null);
          setPosition(Math.max(0, at));
          answerBox.current?.blur();
        },
      },
    );
  };

  useQueueShortcuts((action: QueueAction) => {
    switch (action.type) {
      case 'next':
        return select(index + 1);
      case 'previous':
        return select(index - 1);
      case 'skip':
        return skip();
      case 'focus-answer':
        return focusAnswer();
      case 'send':
        return send();
      case 'template':
        return insertTemplate(templates.data?.[action.index]);
    }
  });

  const header = <PageHeader title={t.questionsTitle} description={t.questionsDescription} />;
  const noticeLine = (
    <p className={`notice notice--${notice?.tone ?? 'none'}`} role="status" aria-live="polite" data-testid="answer-notice">
      {notice?.text}
    </p>
  );

  if (!data) {
    return (
      <>
        {header}
        {questions.error ? <ErrorText error={questions.error} /> : <p className="muted">{t.loading}</p>}
      </>
    );
  }

  if (!current) {
    return (
      <>
        {header}
        {noticeLine}
        <EmptyState title={t.noQuestions}>{t.noQuestionsHint}</EmptyState>
      </>
    );
  }

  const buyer = current.buyerNickname ?? t.buyerId(current.buyerId);
  return (
    <>
      {header}
      {noticeLine}
      <ErrorText error={questions.error} />
      <div className="queue">
        <div className="queue__side">
          <h2 className="visually-hidden" id="queue-list-title">
            {t.queueLabel}
          </h2>
          <ol className="queue-list" aria-labelledby="queue-list-title" data-testid="queue-list">
            {ordered.map((id, at) => {
              const question = byId.get(id);
              if (!question) return null;
              return (
                <li key={id}>
                  <button
                    type="button"
                    className="queue-item"
                    aria-current={at === index ? 'true' : undefined}
                    onClick={() => select(at)}
                    data-testid="queue-item"
                  >
                    <span className="queue-item__meta">
                      <span>{question.buyerNickname ?? t.buyerId(question.buyerId)}</span>
                      <time dateTime={question.dateCreated}>{formatAgo(question.dateCreated)}</time>
                    </span>
                    <span className="queue-item__text">{question.text}</span>
                  </button>
                </li>
              );
            })}
          </ol>
          <ShortcutLegend />
        </div>

        <article className="queue__main v-card" aria-labelledby="current-question-title" data-testid="current-question" data-question-id={current.id}>
          <div className="question-head">
            <h2 id="current-question-title">{t.questionOf(index + 1, ordered.length)}</h2>
            <div className="v-row question-nav">
              <Button variant="secondary" className="button--small" onClick={() => select(index - 1)} disabled={index === 0}>
                {t.previous}
              </Button>
              <Button variant="secondary" className="button--small" onClick={() => select(index + 1)} disabled={index >= ordered.length - 1}>
                {t.next}
              </Button>
              <Button variant="secondary" className="button--small" onClick={skip} disabled={ordered.length < 2}>
                {t.skip}
              </Button>
            </div>
          </div>

          <blockquote className="question-text" data-testid="question-text">
            {current.text}
          </blockquote>
          <dl className="facts">
            <div>
              <dt>{t.askedAt}</dt>
              <dd>
                <time dateTime={current.dateCreated}>{formatDateTime(current.dateCreated)}</time>{' '}
                <span className="muted">({formatAgo(current.dateCreated)})</span>
              </dd>
            </div>
            <div>
              <dt>{t.item}</dt>
              <dd data-testid="question-item">
                {current.itemTitle ?? current.mlItemId}
                {current.itemTitle ? <span className="muted"> · {current.mlItemId}</span> : null}
              </dd>
            </div>
            <div>
              <dt>{t.buyer}</dt>
              <dd data-testid="question-buyer">{buyer}</dd>
            </div>
            {accountId === undefined && accountNames.size > 1 ? (
              <div>
                <dt>{t.account}</dt>
                <dd>
                  <Badge>{accountNames.get(current.accountId) ?? current.accountId}</Badge>
                </dd>
              </div>
            ) : null}
          </dl>

          <div className="answer-layout">
            <form
              className="answer-form"
              onSubmit={(event) => {
                event.preventDefault();
                send();
              }}
            >
              <div className="v-field">
                <label htmlFor="answer">{t.answerLabel}</label>
                <textarea
                  id="answer"
                  ref={answerBox}
                  rows={6}
                  value={draft}
                  placeholder={t.answerPlaceholder}
                  maxLength={2000}
                  onChange={(event) => setDraft(event.target.value)}
                  onKeyDown={(event) => {
                    if (event.key === 'Escape') event.currentTarget.blur();
                  }}
                  aria-invalid={formError ? true : undefined}
                  aria-describedby={formError ? 'answer-error' : undefined}
                />
                {formError ? (
                  <span id="answer-error" className="v-field__error" role="alert">
                    {formError}
                  </span>
                ) : null}
              </div>
              <div className="answer-actions">
                <Button type="submit" disabled={answer.isPending} aria-keyshortcuts="Control+Enter Meta+Enter">
                  {answer.isPending ? t.sending : t.sendAnswer}
                </Button>
                <span className="muted answer-length">{draft.length} / 2000</span>
              </div>
              <ErrorText error={answer.error} />

              <TemplatePicker templates={templates.data} error={templates.error} onPick={insertTemplate} />
            </form>

            <EarlierQuestions questions={current.earlierQuestions} currentItemId={current.mlItemId} />
          </div>
        </article>
      </div>
    </>
  );
}

function TemplatePicker({ templates, error, onPick }: { templates: AnswerTemplate[] | undefined; error: unknown; onPick: (template: AnswerTemplate) => void }) {
  return (
    <section className="template-picker" aria-labelledby="template-picker-title">
      <h3 id="template-picker-title">{t.insertTemplate}</h3>
      <ErrorText error={error} />
      {templates && templates.length === 0 ? <p className="muted">{t.noTemplatesYet}</p> : null}
      <ul className="template-buttons">
        {templates?.map((template, at) => (
          <li key={template.id}>
            <button type="button" className="template-button" onClick={() => onPick(template)} aria-keyshortcuts={at < 9 ? String(at + 1) : undefined}>
              {at < 9 ? <kbd aria-label={t.shortcutKey(at + 1)}>{at + 1}</kbd> : null}
              <span>{template.name}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
