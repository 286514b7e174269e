/**
 * XMLHttpRequest reports progress for the whole multipart body. The files travel one after
 * another in the order they were appended, each behind a small part header, so spreading the
 * bytes that are not file content evenly over the parts tells how far each file has got.
 */
export function fileSentFractions(sizes: readonly number[], loaded: number, total: number): number[] {
  const content = sizes.reduce((sum, size) => sum + size, 0);
  const overheadPerPart = Math.max(0, total - content) / Math.max(1, sizes.length);
  let partStart = 0;
  return sizes.map((size) => {
    const dataStart = partStart + overheadPerPart;
    partStart = dataStart + size;
    if (size === 0) return loaded >= dataStart ? 1 : 0;
    return Math.min(1, Math.max(0, (loaded - dataStart) / size));
  });
}
