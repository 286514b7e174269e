/** How long my reservation of a queue slot still holds, in words. Pure. */
export function reservationLeft(reservedUntil: string, now: number): { text: string; isExpired: boolean } {
  const seconds = Math.floor((new Date(reservedUntil).getTime() - now) / 1000);
  if (seconds <= 0) return { text: "Your reservation has expired: someone else may take this item.", isExpired: true };
  if (seconds < 60) return { text: "Reserved for you: less than a minute left", isExpired: false };
  const minutes = Math.floor(seconds / 60);
  if (minutes < 120) return { text: `Reserved for you: ${minutes} min left`, isExpired: false };
  const hours = Math.floor(minutes / 60);
  return { text: `Reserved for you: ${hours} h ${minutes % 60} min left`, isExpired: false };
}
