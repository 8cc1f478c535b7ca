import { useDataset } from '../../stores/dataset-store';
import { formatCount } from './format';

/** Rows skipped under the 'skip' policy, each with its file, line and field. */
export function ProblemList() {
  const dataset = useDataset((s) => s.dataset);
  if (!dataset || dataset.problems.length === 0) return null;
  const { problems, rowsSkipped } = dataset;
  return (
    <details className="problems" open data-testid="problems">
      <summary>
        {formatCount(rowsSkipped)} row{rowsSkipped === 1 ? '' : 's'} skipped
        {problems.length < rowsSkipped ? ` (first ${problems.length} listed)` : ''}
        {problems.some((p) => p.line === 0) ? ', with notes' : ''}
      </summary>
      {dataset.problemCounts && Object.keys(dataset.problemCounts).length > 0 ? (
        <p className="muted" data-testid="problem-counts">
          By kind over the whole file: {Object.entries(dataset.problemCounts).map(([k, n]) => `${k} ${formatCount(n ?? 0)}`).join(', ')}
        </p>
      ) : null}
      <ol>
        {problems.map((p, i) => (
          <li key={i}>
            {p.file}
            {p.line > 0 ? `, line ${p.line}` : ''}
            {p.field ? `, ${p.field}` : ''}: {p.message}
          </li>
        ))}
      </ol>
    </details>
  );
}
