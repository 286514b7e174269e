import { describe, expect, it } from "vitest";
import { reservationLeft } from "./reservation";

describe("reservation time left", () => {
  const now = Date.parse("2025-01-01T12:00:00Z");
  const at = (seconds: number) => new Date(now + seconds * 1000).toISOString();

  it("counts down in minutes, then hours", () => {
    expect(reservationLeft(at(29 * 60 + 59), now)).toEqual({ text: "Reserved for you: 29 min left", isExpired: false });
    expect(reservationLeft(at(30), now).text).toBe("Reserved for you: less than a minute left");
    expect(reservationLeft(at(3 * 3600 + 5 * 60), now).text).toBe("Reserved for you: 3 h 5 min left");
  });

  it("says when the reservation has run out", () => {
    expect(reservationLeft(at(0), now).isExpired).toBe(true);
    expect(reservationLeft(at(-90), now).text).toMatch(/expired/);
  });
});
