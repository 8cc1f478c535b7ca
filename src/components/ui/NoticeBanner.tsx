/** A dismissible list of plain-text notices (rendered as text, so hostile input stays inert). */
export function NoticeBanner({ notices, onDismiss, title }: { notices: string[]; onDismiss: () => void; title: string }) {
  if (notices.length === 0) return null;
  return (
    <div className="notice" role="alert" data-testid="notice-banner">
      <strong>{title}</strong>
      <ul>
        {notices.map((n, i) => <li key={i}>{n}</li>)}
      </ul>
      <button type="button" onClick={onDismiss}>Dismiss</button>
    </div>
  );
}
