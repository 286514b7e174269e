import Markdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";

/**
 * Issue and PR bodies as Markdown, safely: raw HTML in the text is dropped (never rendered),
 * react-markdown's default URL filter removes `javascript:` and other unsafe links, links open
 * in a new tab without a referrer, and images are shown as their alt text — an untrusted body
 * must not make the browser fetch anything.
 */
const components: Components = {
  a: ({ href, children }) => (
    <a href={href} target="_blank" rel="noopener noreferrer nofollow" className="text-blue-700 underline">
      {children}
    </a>
  ),
  img: ({ alt }) => <span className="rounded bg-stone-100 px-1 text-xs text-stone-600">[image{alt ? `: ${alt}` : ""}]</span>,
};

const prose = [
  "space-y-2 text-sm leading-6 text-stone-800 [overflow-wrap:anywhere]",
  "[&_h1]:text-base [&_h1]:font-semibold [&_h2]:text-base [&_h2]:font-semibold [&_h3]:font-semibold [&_h4]:font-semibold",
  "[&_ul]:list-disc [&_ul]:pl-5 [&_ol]:list-decimal [&_ol]:pl-5",
  "[&_code]:rounded [&_code]:bg-stone-100 [&_code]:px-1 [&_code]:font-mono [&_code]:text-xs",
  "[&_pre]:overflow-auto [&_pre]:rounded [&_pre]:bg-stone-100 [&_pre]:p-3 [&_pre_code]:bg-transparent [&_pre_code]:p-0",
  "[&_blockquote]:border-l-4 [&_blockquote]:border-stone-200 [&_blockquote]:pl-3 [&_blockquote]:text-stone-600",
  "[&_table]:border-collapse [&_td]:border [&_td]:border-stone-200 [&_td]:px-2 [&_th]:border [&_th]:border-stone-200 [&_th]:px-2",
].join(" ");

export function SafeMarkdown({ text }: { text: string }) {
  return (
    <div className={prose}>
      <Markdown remarkPlugins={[remarkGfm]} components={components} skipHtml>
        {text}
      </Markdown>
    </div>
  );
}
