/**
 * A fixed-size memo of text → token count keyed by a 64-bit hash of the text, in typed arrays.
 * A `Map` keyed by 53-bit numbers boxes every key and was the slowest part of warm counting;
 * this keeps lookups allocation-free. When half full it is emptied, which bounds memory.
 */

export type CountTable = {
  /** The remembered count, or -1. */
  get(hashA: number, hashB: number): number;
  set(hashA: number, hashB: number, count: number): void;
};

export function createCountTable(slotBits = 20): CountTable {
  const size = 1 << slotBits;
  const mask = size - 1;
  const keysA = new Int32Array(size);
  const keysB = new Int32Array(size);
  // count + 1, so 0 marks an empty slot
  const counts = new Int32Array(size);
  let used = 0;

  const slotOf = (a: number, b: number): number => {
    let slot = (a ^ Math.imul(b, 0x9e3779b1)) & mask;
    while (counts[slot] !== 0 && (keysA[slot] !== a || keysB[slot] !== b)) slot = (slot + 1) & mask;
    return slot;
  };

  return {
    get(a, b) {
      return counts[slotOf(a | 0, b | 0)] - 1;
    },
    set(a, b, count) {
      if (used >= size >>> 1) {
        counts.fill(0);
        used = 0;
      }
      const slot = slotOf(a | 0, b | 0);
      if (counts[slot] === 0) used++;
      keysA[slot] = a;
      keysB[slot] = b;
      counts[slot] = count + 1;
    },
  };
}
