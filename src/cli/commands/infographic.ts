import type { Command } from 'commander';
import { badInput } from '../../core/errors.js';

/** `luoshi infographic REPORT --out FILE.png|.svg` — the 一图读懂 long image. */
export function registerInfographic(program: Command): Command {
  return program
    .command('infographic')
    .description(
      'render the 一图读懂 long image (SVG or PNG, 1080 px wide) of a report file or stored report id',
    )
    .argument('<report>', 'a report file (.md/.txt) or the id of a report in the database')
    .requiredOption('-o, --out <file>', 'output file, .png or .svg')
    .option('-w, --width <px>', 'image width in pixels', '1080')
    .option('--at <date>', 'judge progress as of this ISO date (default today)')
    .action(async (report: string, options: { out: string; width: string; at?: string }) => {
      const format = /\.(png|svg)$/i.exec(options.out)?.[1]?.toLowerCase();
      if (!format) {
        throw badInput(
          'bad_output',
          `--out ${options.out}: the file name must end in .png or .svg`,
          `--out ${options.out}：文件名须以 .png 或 .svg 结尾`,
        );
      }
      const width = Number(options.width);
      if (!Number.isInteger(width) || width < 600 || width > 4000) {
        throw badInput(
          'bad_width',
          '--width must be a whole number from 600 to 4000',
          '--width 须为 600 至 4000 的整数',
        );
      }
      const { loadReportSource } = await import('./report-source.js');
      const { buildInfographicModel } = await import('../../render/infographic-model.js');
      const { renderInfographicSvg } = await import('../../render/infographic-svg.js');
      const { writeFile } = await import('node:fs/promises');
      const view = await loadReportSource(report, options.at === undefined ? {} : { at: options.at });
      const layout = renderInfographicSvg(buildInfographicModel(view), width);
      if (format === 'svg') {
        await writeFile(options.out, layout.svg);
      } else {
        process.stderr.write(`luoshi: rasterising ${layout.width}×${layout.height} px\n`);
        const { svgToPng } = await import('../../render/svg-png.js');
        const { loadConfig } = await import('../../config/config.js');
        await writeFile(
          options.out,
          await svgToPng(layout.svg, { fontFile: loadConfig(process.env).CJK_FONT_FILE }),
        );
      }
      process.stderr.write(`luoshi: wrote ${options.out} (${layout.width}×${layout.height})\n`);
    });
}
