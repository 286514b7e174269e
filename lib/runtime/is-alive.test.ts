import fs from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { isAlive } from "./is-alive";

afterEach(() => vi.restoreAllMocks());

describe("isAlive", () => {
  it("is true for this process and false for a pid no process can have", () => {
    expect(isAlive(process.pid)).toBe(true);
    expect(isAlive(Number(fs.readFileSync("/proc/sys/kernel/pid_max", "utf8")) + 1)).toBe(false);
  });

  it("counts a process of another user (EPERM) as alive", () => {
    vi.spyOn(process, "kill").mockImplementation(() => {
      throw Object.assign(new Error("kill EPERM"), { code: "EPERM" });
    });
    expect(isAlive(4242)).toBe(true);
  });
});
