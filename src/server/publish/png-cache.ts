import { createHash } from 'node:crypto';
import { svgToPng } from '../../render/svg-png.js';

/** Rasterised infographics by SVG hash: the PNG only changes when the data does. */
const pngCache = new Map<string, Buffer>();

/** PNG of an infographic SVG, rendered once per distinct SVG (a few recent ones are kept). */
export async function cachedPng(svg: string, fontFile?: string): Promise<Buffer> {
  const key = createHash('sha256')
    .update(`${fontFile ?? ''}\n${svg}`)
    .digest('hex');
  const hit = pngCache.get(key);
  if (hit) return hit;
  const png = await svgToPng(svg, { fontFile });
  if (pngCache.size >= 16) pngCache.delete(pngCache.keys().next().value ?? '');
  pngCache.set(key, png);
  return png;
}
