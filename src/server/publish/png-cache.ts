import { createHash } from 'node:crypto';
import { svgToPng } from '../../render/svg-png.js';
import { KeptValues } from '../../store/kept-values.js';

/** Rasterised infographics by SVG hash (the PNG only changes when the data does), up to 32 MiB. */
const pngs = new KeptValues<string, { png: Buffer }>({
  maxSize: 32 * 1024 * 1024,
  sizeOf: ({ png }) => png.length,
});

/** PNG of an infographic SVG, rendered once per distinct SVG while it is kept. */
export async function cachedPng(svg: string, fontFile?: string): Promise<Buffer> {
  const key = createHash('sha256')
    .update(`${fontFile ?? ''}\n${svg}`)
    .digest('hex');
  // The key is the content itself: one version.
  const { png } = await pngs.getOrCompute(key, 0, async () => ({ png: await svgToPng(svg, { fontFile }) }));
  return png;
}
