import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';

/** A picture reduced to the mean luminance (0–255) of each `cell`×`cell` block. */
export interface LuminanceGrid {
  cell: number;
  width: number;
  height: number;
  columns: number;
  rows: number;
  values: number[];
}

/** Downscales a PNG to a luminance grid: small enough to commit, fine enough to see layout drift. */
export function luminanceGrid(png: Buffer, cell = 40): LuminanceGrid {
  const image = PNG.sync.read(png);
  const columns = Math.ceil(image.width / cell);
  const rows = Math.ceil(image.height / cell);
  const sums = new Array<number>(columns * rows).fill(0);
  const counts = new Array<number>(columns * rows).fill(0);
  for (let y = 0; y < image.height; y += 1) {
    for (let x = 0; x < image.width; x += 1) {
      const i = (y * image.width + x) * 4;
      const lum =
        0.299 * (image.data[i] ?? 0) + 0.587 * (image.data[i + 1] ?? 0) + 0.114 * (image.data[i + 2] ?? 0);
      const cellIndex = Math.floor(y / cell) * columns + Math.floor(x / cell);
      sums[cellIndex] = (sums[cellIndex] ?? 0) + lum;
      counts[cellIndex] = (counts[cellIndex] ?? 0) + 1;
    }
  }
  return {
    cell,
    width: image.width,
    height: image.height,
    columns,
    rows,
    values: sums.map((sum, i) => Math.round(sum / (counts[i] || 1))),
  };
}

export interface SnapshotComparison {
  /** Mean absolute luminance difference over all cells. */
  meanDiff: number;
  /** Share of cells differing by more than 24 levels. */
  changedShare: number;
  sameSize: boolean;
}

/** Compares a grid with the committed reference at `file`; writes it when UPDATE_SNAPSHOTS=1. */
export function compareWithSnapshot(grid: LuminanceGrid, file: URL): SnapshotComparison {
  if (process.env.UPDATE_SNAPSHOTS === '1' || (!existsSync(file) && process.env.CI !== 'true')) {
    writeFileSync(file, `${JSON.stringify(grid)}\n`);
  }
  const reference = JSON.parse(readFileSync(file, 'utf8')) as LuminanceGrid;
  const sameSize = reference.width === grid.width && reference.height === grid.height;
  if (!sameSize) return { meanDiff: 255, changedShare: 1, sameSize };
  let total = 0;
  let changed = 0;
  grid.values.forEach((value, i) => {
    const diff = Math.abs(value - (reference.values[i] ?? 0));
    total += diff;
    if (diff > 24) changed += 1;
  });
  return { meanDiff: total / grid.values.length, changedShare: changed / grid.values.length, sameSize };
}
