/**
 * A progress line on stderr for steps that turn out to be slow: quick runs print nothing, so
 * scripts and tests see clean output, while a large workbook tells the user it is working.
 */
export function startStep(write: (text: string) => void, label: string, afterMs = 800): () => void {
  const started = Date.now();
  let shown = false;
  const timer = setTimeout(function () {
    shown = true;
    write(label + '…\n');
  }, afterMs);
  return function done(): void {
    clearTimeout(timer);
    if (shown) write(label + ': xong (' + ((Date.now() - started) / 1000).toFixed(1) + ' s)\n');
  };
}
