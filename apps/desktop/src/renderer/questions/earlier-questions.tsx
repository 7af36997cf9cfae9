import type { EarlierQuestionView } from '../../shared/bridge.ts';
import { formatDateTime } from '../format.ts';
import { t } from '../i18n.ts';

/** What this buyer asked before (on any item of the account), with the answers given. */
export function EarlierQuestions({ questions, currentItemId }: { questions: EarlierQuestionView[]; currentItemId: string }) {
  return (
    <section className="earlier" aria-labelledby="earlier-title" data-testid="earlier-questions">
      <h3 id="earlier-title">{t.earlierQuestions}</h3>
      {questions.length === 0 ? (
        <p className="muted">{t.noEarlierQuestions}</p>
      ) : (
        <ol className="earlier-list">
          {questions.map((question) => (
            <li key={question.id} className="earlier-item">
              <p className="earlier-item__meta muted">
                <time dateTime={question.dateCreated}>{formatDateTime(question.dateCreated)}</time>
                {question.mlItemId !== currentItemId ? ` · ${question.mlItemId}` : null}
              </p>
              <p className="earlier-item__question">{question.text}</p>
              {question.answerText ? (
                <p className="earlier-item__answer">{question.answerText}</p>
              ) : (
                <p className="earlier-item__answer earlier-item__answer--none muted">{t.notAnswered}</p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
