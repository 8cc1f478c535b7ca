import type { ReactNode } from 'react';

/** A titled section of the page; `id` doubles as the anchor and the accessible name's target. */
export function Panel({ id, title, subtitle, actions, children }: { id: string; title: string; subtitle?: ReactNode; actions?: ReactNode; children: ReactNode }) {
  return (
    <section className="panel" id={id} aria-labelledby={`${id}-title`}>
      <header className="panel-header">
        <div>
          <h2 id={`${id}-title`}>{title}</h2>
          {subtitle ? <p className="panel-subtitle">{subtitle}</p> : null}
        </div>
        {actions ? <div className="panel-actions">{actions}</div> : null}
      </header>
      {children}
    </section>
  );
}
