import { Fragment } from 'react';
import { t } from '../i18n.ts';
import { SHORTCUT_LEGEND } from './shortcuts.ts';

const DESCRIPTIONS = {
  next: t.shortcutNext,
  previous: t.shortcutPrevious,
  skip: t.shortcutSkip,
  focus: t.shortcutFocus,
  send: t.shortcutSend,
  template: t.shortcutTemplate,
  leave: t.shortcutLeave,
} as const;

/** The questions screen's keyboard shortcuts, always visible next to the queue. */
export function ShortcutLegend() {
  return (
    <section className="shortcuts" aria-labelledby="shortcuts-title" data-testid="shortcuts">
      <h2 id="shortcuts-title">{t.shortcutsTitle}</h2>
      <dl>
        {SHORTCUT_LEGEND.map((shortcut) => (
          <div key={shortcut.action} className="shortcuts__row">
            <dt>
              {shortcut.keys.map((key, at) => (
                <Fragment key={key}>
                  {at > 0 ? <span className="muted"> {t.or} </span> : null}
                  <kbd>{key}</kbd>
                </Fragment>
              ))}
            </dt>
            <dd>{DESCRIPTIONS[shortcut.action]}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
