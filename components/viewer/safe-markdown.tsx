/**
 * Markdown from a trajectory (task text, issue bodies), rendered safely: no raw HTML (react-markdown
 * shows it as text), react-markdown's own URL filter plus ours (http(s) and mailto only, see
 * lib/viewer/safe-url.ts), links that open without referrer or opener, and images shown as links
 * so a task cannot make the browser fetch anything. Works in server and client components.
 */
import type { ComponentProps } from "react";
import Markdown, { defaultUrlTransform } from "react-markdown";
import remarkGfm from "remark-gfm";
import { externalLinkRel, safeHref } from "@/lib/viewer/safe-url";

function SafeLink({ href, children }: ComponentProps<"a">) {
  const safe = safeHref(href);
  if (!safe) return <span className="text-stone-700 underline decoration-dotted">{children}</span>;
  return (
    <a href={safe} rel={externalLinkRel} target="_blank" className="text-blue-700 underline">
      {children}
    </a>
  );
}

function ImageAsLink({ src, alt }: ComponentProps<"img">) {
  const safe = typeof src === "string" ? safeHref(src) : null;
  const label = `[image${alt ? `: ${alt}` : ""}]`;
  return safe ? (
    <a href={safe} rel={externalLinkRel} target="_blank" className="text-blue-700 underline">
      {label}
    </a>
  ) : (
    <span>{label}</span>
  );
}

const components = { a: SafeLink, img: ImageAsLink };

export function SafeMarkdown({ text }: { text: string }) {
  return (
    <div className="prose-viewer min-w-0 space-y-2 text-sm break-words [overflow-wrap:anywhere] [&_code]:rounded [&_code]:bg-stone-100 [&_code]:px-1 [&_code]:font-mono [&_code]:text-xs [&_h1]:text-base [&_h1]:font-semibold [&_h2]:font-semibold [&_h3]:font-semibold [&_li]:ml-5 [&_ol]:list-decimal [&_pre]:overflow-x-auto [&_pre]:rounded [&_pre]:bg-stone-100 [&_pre]:p-2 [&_pre_code]:bg-transparent [&_pre_code]:p-0 [&_table]:text-xs [&_td]:border [&_td]:border-stone-200 [&_td]:px-1 [&_th]:border [&_th]:border-stone-200 [&_th]:px-1 [&_ul]:list-disc">
      <Markdown remarkPlugins={[remarkGfm]} components={components} urlTransform={(url) => safeHref(defaultUrlTransform(url)) ?? ""}>
        {text}
      </Markdown>
    </div>
  );
}
