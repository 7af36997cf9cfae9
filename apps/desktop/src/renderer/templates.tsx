import { Button, Card, EmptyState, Input, PageHeader } from '@vitrine/ui';
import { useState } from 'react';
import { renderTemplate, type AnswerTemplate } from '../shared/bridge.ts';
import { useDeleteTemplate, useSaveTemplate, useStatus, useTemplates } from './bridge-client.ts';
import { ErrorText } from './error-text.tsx';
import { t } from './i18n.ts';

interface Draft {
  id?: string;
  name: string;
  body: string;
}

const EMPTY: Draft = { name: '', body: '' };

/** Ready answers: the list (in shortcut order, 1–9 on the questions screen) and a form with a live preview. */
export function Templates() {
  const templates = useTemplates();
  const save = useSaveTemplate();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [savedName, setSavedName] = useState<string | null>(null);

  const edit = (template: AnswerTemplate) => {
    save.reset();
    setSavedName(null);
    setDraft({ id: template.id, name: template.name, body: template.body });
  };
  const startNew = () => {
    save.reset();
    setSavedName(null);
    setDraft(EMPTY);
  };

  return (
    <>
      <PageHeader
        title={t.templatesTitle}
        description={t.templatesDescription}
        actions={
          draft.id ? (
            <Button variant="secondary" onClick={startNew}>
              {t.newTemplate}
            </Button>
          ) : null
        }
      />
      <div className="templates">
        <section aria-labelledby="template-list-title" className="templates__list">
          <h2 id="template-list-title" className="visually-hidden">
            {t.templatesTitle}
          </h2>
          <ErrorText error={templates.error} />
          {templates.isPending ? (
            <p className="muted">{t.loading}</p>
          ) : templates.data && templates.data.length > 0 ? (
            <ol className="template-list">
              {templates.data.map((template, at) => (
                <TemplateEntry
                  key={template.id}
                  template={template}
                  shortcut={at < 9 ? at + 1 : null}
                  editing={draft.id === template.id}
                  onEdit={() => edit(template)}
                  onDeleted={() => {
                    if (draft.id === template.id) startNew();
                  }}
                />
              ))}
            </ol>
          ) : templates.error ? null : (
            <EmptyState title={t.noTemplates}>{t.noTemplatesHint}</EmptyState>
          )}
        </section>

        <TemplateForm
          key={draft.id ?? 'new'}
          draft={draft}
          onChange={(next) => {
            setSavedName(null);
            setDraft(next);
          }}
          saving={save.isPending}
          error={save.error}
          savedName={savedName}
          onSave={() =>
            save.mutate(
              { ...(draft.id ? { id: draft.id } : {}), name: draft.name.trim(), body: draft.body },
              {
                onSuccess: (template) => {
                  setSavedName(template.name);
                  setDraft(EMPTY);
                },
              },
            )
          }
          onCancel={draft.id ? startNew : undefined}
        />
      </div>
    </>
  );
}

function TemplateEntry({
  template,
  shortcut,
  editing,
  onEdit,
  onDeleted,
}: {
  template: AnswerTemplate;
  shortcut: number | null;
  editing: boolean;
  onEdit: () => void;
  onDeleted: () => void;
}) {
  const remove = useDeleteTemplate();
  const [confirming, setConfirming] = useState(false);
  return (
    <li className={`template-entry v-card${editing ? ' template-entry--editing' : ''}`} data-testid="template">
      <div className="template-entry__head">
        <h3>
          {shortcut !== null ? <kbd aria-label={t.shortcutKey(shortcut)}>{shortcut}</kbd> : null} {template.name}
        </h3>
        {confirming ? null : (
          <div className="v-row">
            <Button variant="secondary" className="button--small" onClick={onEdit}>
              {t.edit}
            </Button>
            <Button variant="secondary" className="button--small" onClick={() => setConfirming(true)}>
              {t.delete}
            </Button>
          </div>
        )}
      </div>
      <p className="template-entry__body">{template.body}</p>
      {confirming ? (
        <div className="confirm" role="alertdialog" aria-labelledby={`confirm-${template.id}`}>
          <p id={`confirm-${template.id}`}>{t.confirmDelete(template.name)}</p>
          <div className="v-row">
            <Button
              variant="danger"
              className="button--small"
              disabled={remove.isPending}
              onClick={() =>
                remove.mutate(template.id, {
                  onSuccess: () => {
                    setConfirming(false);
                    onDeleted();
                  },
                })
              }
            >
              {t.yesDelete}
            </Button>
            <Button variant="secondary" className="button--small" onClick={() => setConfirming(false)} autoFocus>
              {t.cancel}
            </Button>
          </div>
        </div>
      ) : null}
      <ErrorText error={remove.error} />
    </li>
  );
}

function TemplateForm({
  draft,
  onChange,
  onSave,
  onCancel,
  saving,
  error,
  savedName,
}: {
  draft: Draft;
  onChange: (draft: Draft) => void;
  onSave: () => void;
  onCancel: (() => void) | undefined;
  saving: boolean;
  error: unknown;
  savedName: string | null;
}) {
  const status = useStatus();
  const preview = renderTemplate(draft.body, { ...t.previewValues, store: status.data?.store?.name ?? t.previewValues.store });
  return (
    <Card className="template-form">
      <form
        aria-labelledby="template-form-title"
        onSubmit={(event) => {
          event.preventDefault();
          onSave();
        }}
      >
        <h2 id="template-form-title">{draft.id ? t.editTemplate : t.newTemplate}</h2>
        <Input label={t.templateName} name="templateName" value={draft.name} onChange={(event) => onChange({ ...draft, name: event.target.value })} />
        <div className="v-field">
          <label htmlFor="template-body">{t.templateBody}</label>
          <textarea
            id="template-body"
            rows={6}
            value={draft.body}
            aria-describedby="template-hint"
            onChange={(event) => onChange({ ...draft, body: event.target.value })}
          />
          <span id="template-hint" className="muted small">
            {t.placeholdersHint}
          </span>
        </div>
        <div className="template-preview" aria-live="polite">
          <h3>{t.preview}</h3>
          <p data-testid="template-preview">{preview || '—'}</p>
        </div>
        <ErrorText error={error} />
        {savedName ? (
          <p className="notice notice--success" role="status">
            {t.saved}: {savedName}
          </p>
        ) : null}
        <div className="v-row">
          <Button type="submit" disabled={saving}>
            {saving ? t.saving : t.save}
          </Button>
          {onCancel ? (
            <Button variant="secondary" onClick={onCancel}>
              {t.cancel}
            </Button>
          ) : null}
        </div>
      </form>
    </Card>
  );
}
