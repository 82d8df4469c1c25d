/**
 * Writes the 分工方案 fixtures of this folder from plan-rows.ts, one per shape:
 *   npx tsx test-data/division/generate.ts
 * Text files are plain; the .docx and .xlsx are made with the project's docx and exceljs.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { PLAN_AREAS, PLAN_TITLE, type PlanRow } from './plan-rows.js';

const here = dirname(fileURLToPath(import.meta.url));
const PREAMBLE = [
  PLAN_TITLE,
  '为确保区第十七届人民代表大会第六次会议审议通过的《政府工作报告》确定的各项任务落到实处，现将重点任务分工如下。',
];

/** 12.推进…。（牵头单位：…；配合单位：…；责任领导：…；完成时限：…） */
function labelled(row: PlanRow): string {
  const parts = [`牵头单位：${row.lead.join('、')}`];
  if (row.cooperating.length > 0) parts.push(`配合单位：${row.cooperating.join('、')}`);
  parts.push(`责任领导：${row.leaders.join('、')}`, `完成时限：${row.deadline}`);
  return `${row.text}。（${parts.join('；')}）`;
}

/** （区文化旅游局牵头，各街道、各乡镇配合；责任领导：孙丽；年底前完成） and （区民政局负责）. */
function short(row: PlanRow, index: number): string {
  if (row.cooperating.length === 0) {
    const verb = row.lead.length > 1 ? '主办' : '负责';
    return `${row.text}。（${row.lead.join('、')}${verb}）`;
  }
  const deadline = /持续|长期|全年/u.test(row.deadline) ? row.deadline : `${row.deadline}完成`;
  const verb = index % 2 === 0 ? ['牵头', '配合'] : ['主办', '协办'];
  return `${row.text}。（${row.lead.join('、')}${verb[0]}，${row.cooperating.join('、')}${verb[1]}；责任领导：${row.leaders.join('、')}；${deadline}）`;
}

function paragraphs(style: (row: PlanRow, index: number) => string): string[] {
  const lines = [...PREAMBLE];
  let seq = 0;
  for (const area of PLAN_AREAS) {
    lines.push(area.heading);
    for (const row of area.rows) {
      seq += 1;
      lines.push(`${seq}.${style(row, seq)}`);
    }
  }
  return lines;
}

async function wordParagraphs(lines: string[]): Promise<Buffer> {
  const document = new Document({
    sections: [{ children: lines.map((text) => new Paragraph({ children: [new TextRun(text)] })) }],
  });
  return Packer.toBuffer(document);
}

async function wordTable(): Promise<Buffer> {
  const header = ['序号', '重点任务', '牵头单位', '配合单位', '责任区领导', '完成时限'];
  const cell = (text: string, columnSpan?: number) =>
    new TableCell({
      ...(columnSpan ? { columnSpan } : {}),
      children: text.split('\n').map((line) => new Paragraph(line)),
    });
  const rows = [new TableRow({ tableHeader: true, children: header.map((text) => cell(text)) })];
  let seq = 0;
  for (const area of PLAN_AREAS) {
    rows.push(new TableRow({ children: [cell(area.heading, header.length)] }));
    for (const row of area.rows) {
      seq += 1;
      rows.push(
        new TableRow({
          children: [
            cell(String(seq)),
            cell(row.text),
            cell(row.lead.join('、')),
            // Units one per paragraph inside the cell, as offices often type them.
            cell(row.cooperating.join('\n')),
            cell(row.leaders.join('、')),
            cell(row.deadline),
          ],
        }),
      );
    }
  }
  const document = new Document({
    sections: [{ children: [new Paragraph(PLAN_TITLE), new Table({ rows })] }],
  });
  return Packer.toBuffer(document);
}

async function sheet(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('分工');
  const header = ['序号', '工作任务', '责任单位', '协办单位', '分管区领导', '时间节点'];
  ws.addRow([PLAN_TITLE]);
  ws.mergeCells(1, 1, 1, header.length);
  ws.addRow(header);
  let seq = 0;
  for (const area of PLAN_AREAS) {
    const at = ws.addRow([area.heading]).number;
    ws.mergeCells(at, 1, at, header.length);
    for (const row of area.rows) {
      seq += 1;
      // Several units in one cell, separated as offices do: 、 ， ； or a line break.
      const separator = ['、', '，', '；', '\n'][seq % 4] as string;
      ws.addRow([
        seq,
        row.text,
        row.lead.join(separator),
        row.cooperating.join(separator),
        row.leaders.join('、'),
        row.deadline,
      ]);
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const NOT_A_PLAN = [
  '××区2026年政府工作报告',
  '一、2025年工作回顾',
  '过去一年，全区地区生产总值增长5.2%。',
  '二、2026年主要任务',
  '新增中小学学位6500个，增加普惠托位300个。',
].join('\n');

async function main(): Promise<void> {
  writeFileSync(join(here, 'plan-labelled.txt'), `${paragraphs(labelled).join('\n')}\n`);
  writeFileSync(
    join(here, 'plan-short.gb18030.txt'),
    iconv.encode(`${paragraphs(short).join('\r\n')}\r\n`, 'gb18030'),
  );
  writeFileSync(join(here, 'plan-paragraphs.docx'), await wordParagraphs(paragraphs(short)));
  writeFileSync(join(here, 'plan-table.docx'), await wordTable());
  writeFileSync(join(here, 'plan-sheet.xlsx'), await sheet());
  writeFileSync(join(here, 'not-a-plan.txt'), `${NOT_A_PLAN}\n`);
}

await main();
