import type { LayoutBox } from '../svg-builder.js';

const EPSILON = 0.5;

/** Boxes that stick out of the box they belong to, as readable messages. */
export function overflowing(boxes: LayoutBox[]): string[] {
  const byId = new Map(boxes.map((box) => [box.id, box]));
  const problems: string[] = [];
  for (const box of boxes) {
    if (box.parent === undefined) continue;
    const parent = byId.get(box.parent);
    if (!parent) {
      problems.push(`${box.id}: parent ${box.parent} missing`);
      continue;
    }
    if (
      box.x < parent.x - EPSILON ||
      box.y < parent.y - EPSILON ||
      box.x + box.w > parent.x + parent.w + EPSILON ||
      box.y + box.h > parent.y + parent.h + EPSILON
    ) {
      problems.push(`${box.id} overflows ${parent.id}`);
    }
  }
  return problems;
}

/** Pairs of boxes with the same parent that overlap. */
export function overlapping(boxes: LayoutBox[]): string[] {
  const problems: string[] = [];
  const groups = new Map<string, LayoutBox[]>();
  for (const box of boxes) {
    const key = box.parent ?? '';
    groups.set(key, [...(groups.get(key) ?? []), box]);
  }
  for (const group of groups.values()) {
    const sorted = [...group].sort((a, b) => a.y - b.y);
    for (let i = 0; i < sorted.length; i += 1) {
      const a = sorted[i];
      if (!a) continue;
      for (let j = i + 1; j < sorted.length; j += 1) {
        const b = sorted[j];
        if (!b) continue;
        if (b.y >= a.y + a.h - EPSILON) break;
        const apart = b.x >= a.x + a.w - EPSILON || a.x >= b.x + b.w - EPSILON;
        if (!apart) problems.push(`${a.id} overlaps ${b.id}`);
      }
    }
  }
  return problems;
}
