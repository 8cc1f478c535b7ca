/** Browser-side exports: a series as CSV, a chart (its SVG) as PNG. Nothing leaves the machine. */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** CSV text from equal-length columns; the header is the column names. */
export function columnsToCsv(columns: Record<string, ArrayLike<number>>): string {
  const names = Object.keys(columns);
  const n = names.length ? columns[names[0]].length : 0;
  const lines = [names.join(',')];
  for (let i = 0; i < n; i++) {
    let line = '';
    for (let j = 0; j < names.length; j++) line += (j ? ',' : '') + String(columns[names[j]][i]);
    lines.push(line);
  }
  return lines.join('\n') + '\n';
}

/** Renders the first SVG inside `container` onto a white canvas at 2× and downloads it as PNG. */
export async function exportSvgAsPng(container: HTMLElement, filename: string): Promise<void> {
  // The chart's own surface (components/ui/charts), legend and axis titles inside it.
  const svg = container.querySelector('svg.mmc-surface') ?? container.querySelector('svg');
  if (!svg) throw new Error('This chart has nothing drawn yet.');
  const { width, height } = svg.getBoundingClientRect();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  const text = new XMLSerializer().serializeToString(clone);
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * 2);
  canvas.height = Math.round(height * 2);
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.scale(2, 2);
  ctx.drawImage(img, 0, 0, width, height);
  const blob = await new Promise<Blob | null>((r) => canvas.toBlob(r, 'image/png'));
  if (!blob) throw new Error('The browser could not encode the PNG.');
  downloadBlob(blob, filename);
}
