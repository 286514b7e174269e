/**
 * What the benchmark measures inside the page, in the page's own clock (milliseconds since
 * navigation start): when the first step element was painted, when a keypress sent right after
 * it was handled and painted, when the network went quiet, and how long each frame of a scripted
 * scroll took. The in-page code is plain JavaScript text: functions compiled by tsx carry helpers
 * that do not exist in the page.
 */
import type { Page } from "@playwright/test";

/** Installed before any page script: looks for the first laid-out step once per frame, and times the first keydown. */
export async function instrument(page: Page, stepSelector: string): Promise<void> {
  await page.addInitScript({
    content: `
      window.__bench = { firstStep: null, keyFrame: null };
      (function check() {
        const step = document.querySelector(${JSON.stringify(stepSelector)});
        const box = step && step.getBoundingClientRect();
        if (box && box.width > 0 && box.height > 0) window.__bench.firstStep = performance.now();
        else requestAnimationFrame(check);
      })();
      addEventListener("keydown", () => requestAnimationFrame(() => { window.__bench.keyFrame = performance.now(); }), { capture: true, once: true });
    `,
  });
}

async function benchValue(page: Page, name: "firstStep" | "keyFrame", timeoutMs: number): Promise<number> {
  const handle = await page.waitForFunction(`window.__bench && window.__bench.${name}`, undefined, { timeout: timeoutMs, polling: 20 });
  return (await handle.jsonValue()) as number;
}

export const firstStepMs = (page: Page, timeoutMs: number) => benchValue(page, "firstStep", timeoutMs);

/** Presses `key` and returns when (page clock) the frame after the page handled it was painted. */
export async function keyHandledMs(page: Page, key: string, timeoutMs: number): Promise<number> {
  await page.keyboard.press(key);
  return benchValue(page, "keyFrame", timeoutMs);
}

/** After Playwright's "networkidle": the end of the last response (page clock). */
export async function networkQuietMs(page: Page, timeoutMs: number): Promise<number> {
  await page.waitForLoadState("networkidle", { timeout: timeoutMs });
  return page.evaluate(`Math.max(...[...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")].map((e) => e.responseEnd))`);
}

export type ScrollResult = { frames: number; longestFrameMs: number; slowFramePercent: number; scrolledPx: number; scroller: string };

/**
 * Scrolls the step list's scroll box (the nearest scrollable ancestor of a step, else the
 * document) by `pxPerFrame` on every animation frame for `durationMs`, recording frame times.
 */
export async function scriptedScroll(page: Page, stepSelector: string, durationMs: number, pxPerFrame: number): Promise<ScrollResult> {
  return page.evaluate(`new Promise((resolve) => {
    let box = document.querySelector(${JSON.stringify(stepSelector)});
    box = box && box.parentElement;
    while (box && !(box.scrollHeight > box.clientHeight + 10 && /(auto|scroll)/.test(getComputedStyle(box).overflowY))) box = box.parentElement;
    const scroller = box || document.scrollingElement || document.documentElement;
    const name = box ? box.tagName.toLowerCase() + (box.id ? "#" + box.id : "") : "document";
    const top = scroller.scrollTop;
    const deltas = [];
    const start = performance.now();
    let last = start;
    const tick = (now) => {
      deltas.push(now - last);
      last = now;
      scroller.scrollTop += ${pxPerFrame};
      if (now - start < ${durationMs}) return requestAnimationFrame(tick);
      const frames = deltas.slice(1);
      resolve({
        frames: frames.length,
        longestFrameMs: Math.round(Math.max(0, ...frames)),
        slowFramePercent: frames.length ? +((100 * frames.filter((d) => d > 50).length) / frames.length).toFixed(1) : 0,
        scrolledPx: Math.round(scroller.scrollTop - top),
        scroller: name,
      });
    };
    requestAnimationFrame(tick);
  })`);
}
