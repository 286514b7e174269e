/** Number formats shared by the Insights charts (fixed locale: the same text on server and client). */
const whole = new Intl.NumberFormat("en");
const compact = new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 });

export const formatCount = (n: number) => whole.format(n);
export const formatCompact = (n: number) => compact.format(n);

export function formatPercent(share: number | null): string {
  if (share === null) return "—";
  const percent = share * 100;
  // Small non-zero shares stay visible instead of rounding to 0%.
  if (percent > 0 && percent < 1) return "<1%";
  if (percent < 100 && percent > 99) return ">99%";
  return `${Math.round(percent)}%`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
