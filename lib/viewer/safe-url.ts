/**
 * Which link targets from untrusted Markdown (task text, PR bodies) become real links: absolute
 * http(s) and mailto URLs only. Everything else — `javascript:`, `data:`, `vbscript:`, relative
 * paths into this app, schemes hidden behind control characters or entities — renders as text.
 * Applied after react-markdown's own `defaultUrlTransform`, never instead of it. Pure.
 */
const allowed = /^(?:https?:\/\/[^\s/?#]|mailto:[^\s])/i;

export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  // Browsers strip leading/trailing C0 controls and spaces and ignore tabs and newlines inside a
  // URL (`java\tscript:`); refuse any of those outright rather than predict the browser.
  if (/[\u0000-\u0020\u007f-\u009f]/.test(url)) return null;
  return allowed.test(url) ? url : null;
}

export const externalLinkRel = "noopener noreferrer nofollow";
