"use client";

import { useRouter } from "next/navigation";
import type { MouseEvent } from "react";
import type { BarShapeProps } from "recharts";

export type BarLink = { href: string; label: string } | null;

type Box = { x: number; y: number; width: number; height: number };

/**
 * A bar that is a link (to the filtered list): focusable, named for screen readers, opened in a
 * new tab with a modifier like any link. `hitArea` widens the click target to the bar's whole
 * row or column, so short bars are as easy to click as long ones.
 */
const isDrawable = (box: Box | null): box is Box => box !== null && box.width > 0 && box.height > 0;

function LinkedRect({ bar, hitArea, fill, link }: { bar: Box; hitArea: Box | null; fill: string; link: BarLink }) {
  const router = useRouter();
  const rect = isDrawable(bar) ? <rect {...bar} fill={fill} rx={2} /> : null;
  if (!link || !(rect || isDrawable(hitArea))) return rect;
  const follow = (event: MouseEvent<Element>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    router.push(link.href);
  };
  return (
    <a href={link.href} role="link" aria-label={link.label} onClick={follow} className="cursor-pointer">
      {isDrawable(hitArea) && <rect {...hitArea} fill="transparent" />}
      {rect}
    </a>
  );
}

/** A recharts `shape` for bars whose data row says where it leads. */
export function linkedBarShape<Row>(linkOf: (row: Row) => BarLink, fill: string | ((row: Row) => string), options: { wholeRow?: boolean } = {}) {
  function LinkedBarShape(props: BarShapeProps) {
    const row = props.payload as Row;
    const bar = { x: props.x, y: props.y, width: props.width, height: props.height };
    const hitArea = options.wholeRow && props.background ? { ...props.background } : null;
    return <LinkedRect bar={bar} hitArea={hitArea as Box | null} fill={typeof fill === "function" ? fill(row) : fill} link={linkOf(row)} />;
  }
  return LinkedBarShape;
}
