/** A one-line progress bar on stderr (only on a terminal; pipelines get per-file lines). */
const width = 30;

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function createProgressBar(stream: NodeJS.WriteStream = process.stderr, amount: (n: number) => string = megabytes) {
  const isTty = stream.isTTY === true;
  let lastDraw = 0;
  return {
    update(label: string, done: number, total: number, detail: string) {
      if (!isTty) return;
      const now = Date.now();
      if (now - lastDraw < 100 && done < total) return;
      lastDraw = now;
      const fraction = total > 0 ? Math.min(1, done / total) : 1;
      const filled = Math.round(fraction * width);
      const bar = `${"█".repeat(filled)}${"░".repeat(width - filled)}`;
      stream.write(`\r\x1b[2K${bar} ${Math.round(fraction * 100)}% ${label} ${amount(done)}/${amount(total)} ${detail}`);
    },
    done() {
      if (isTty) stream.write("\r\x1b[2K");
    },
  };
}
