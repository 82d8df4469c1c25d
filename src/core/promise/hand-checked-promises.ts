import type { PromiseVerdict } from './judge-promise.js';

/**
 * Promise–achievement pairs checked by hand: for each target, someone read year Y's report and
 * year Y+1's review section and wrote down which review statement reports it (a piece of that
 * sentence and its number) and the verdict — or that the review does not report it. Written from
 * the texts, not from luoshi's output; used by track-promises-corpus.test.ts to measure accuracy.
 * Values are in the extractor's base units (万人 → 人, 万亿斤 → 斤).
 */
export interface HandCheckedPromise {
  /** A piece of the promising sentence in year Y's report, and the promised number. */
  promise: { sentence: string; value: number };
  expected:
    | { verdict: Exclude<PromiseVerdict, 'not-reported'>; achievement: string; value: number }
    | { verdict: 'not-reported' };
}

export interface HandCheckedPair {
  promised: string;
  reviewed: string;
  promises: HandCheckedPromise[];
}

const met = (achievement: string, value: number) => ({ verdict: 'met' as const, achievement, value });
const notReported = { verdict: 'not-reported' as const };

export const HAND_CHECKED_PAIRS: HandCheckedPair[] = [
  {
    promised: 'national-2023-work-report.txt',
    reviewed: 'national-2024-work-report.txt',
    promises: [
      { promise: { sentence: '国内生产总值增长5%左右', value: 5 }, expected: met('增长5.2%', 5.2) },
      {
        promise: { sentence: '城镇新增就业1200万人左右', value: 12e6 },
        expected: met('城镇新增就业1244万人', 12.44e6),
      },
      {
        promise: { sentence: '城镇调查失业率5.5%左右', value: 5.5 },
        expected: met('城镇调查失业率平均为5.2%', 5.2),
      },
      {
        promise: { sentence: '居民消费价格涨幅3%左右', value: 3 },
        expected: met('居民消费价格上涨0.2%', 0.2),
      },
      {
        promise: { sentence: '粮食产量保持在1.3万亿斤以上', value: 1.3e12 },
        expected: met('粮食产量1.39万亿斤', 1.39e12),
      },
      // The 2024 review restates neither the deficit ratio nor the special bonds of 2023.
      { promise: { sentence: '赤字率拟按3%安排', value: 3 }, expected: notReported },
    ],
  },
  {
    promised: 'national-2024-work-report.txt',
    reviewed: 'national-2025-work-report.txt',
    promises: [
      {
        promise: { sentence: '国内生产总值增长5%左右', value: 5 },
        expected: met('国内生产总值达到134.9万亿元、增长5%', 5),
      },
      // The same growth target, stated again where the report explains it.
      {
        promise: { sentence: '经济增长预期目标为5%左右', value: 5 },
        expected: met('国内生产总值达到134.9万亿元、增长5%', 5),
      },
      {
        promise: { sentence: '城镇新增就业1200万人以上', value: 12e6 },
        expected: met('城镇新增就业1256万人', 12.56e6),
      },
      {
        promise: { sentence: '城镇调查失业率5.5%左右', value: 5.5 },
        expected: met('城镇调查失业率平均为5.1%', 5.1),
      },
      {
        promise: { sentence: '居民消费价格涨幅3%左右', value: 3 },
        expected: met('居民消费价格上涨0.2%', 0.2),
      },
      {
        promise: { sentence: '粮食产量1.3万亿斤以上', value: 1.3e12 },
        expected: met('粮食产量首次跃上1.4万亿斤', 1.4e12),
      },
      {
        promise: { sentence: '单位国内生产总值能耗降低2.5%左右', value: 2.5 },
        expected: met('能耗降幅超过3%', 3),
      },
      { promise: { sentence: '赤字率拟按3%安排', value: 3 }, expected: notReported },
      { promise: { sentence: '拟安排地方政府专项债券3.9万亿元', value: 3.9e12 }, expected: notReported },
      { promise: { sentence: '居民医保人均财政补助标准提高30元', value: 30 }, expected: notReported },
      { promise: { sentence: '城乡居民基础养老金月最低标准提高20元', value: 20 }, expected: notReported },
    ],
  },
  {
    promised: 'beijing-2025-work-report.txt',
    reviewed: 'beijing-2026-work-report.txt',
    promises: [
      { promise: { sentence: '地区生产总值增长5%左右', value: 5 }, expected: met('增长5.4%', 5.4) },
      {
        promise: { sentence: '一般公共预算收入增长4%左右', value: 4 },
        expected: met('一般公共预算收入增长4.8%', 4.8),
      },
      {
        promise: { sentence: '城镇调查失业率控制在5%以内', value: 5 },
        expected: met('城镇调查失业率4.1%', 4.1),
      },
      {
        promise: { sentence: '疏解提质一般制造业企业100家', value: 100 },
        expected: met('疏解提质一般制造业企业104家', 104),
      },
      {
        promise: { sentence: '治理违法建设2000万平方米', value: 20e6 },
        expected: met('治理违法建设2049万平方米', 20.49e6),
      },
      {
        promise: { sentence: '推介重大项目总投资不低于2000亿元', value: 2e11 },
        expected: met('总投资约2350亿元', 2.35e11),
      },
      {
        promise: { sentence: '增加中小学学位2万个', value: 2e4 },
        expected: met('新增中小学学位2.4万个', 2.4e4),
      },
      {
        promise: { sentence: '举办市民系列文化活动1.6万场', value: 1.6e4 },
        expected: met('开展市民系列文化活动1.6万场', 1.6e4),
      },
      {
        promise: { sentence: '治理背街小巷1100条', value: 1100 },
        expected: met('精细化治理1411条背街小巷', 1411),
      },
      {
        promise: { sentence: '推动物业服务覆盖300个老旧小区', value: 300 },
        expected: met('为380个老旧小区引入物业服务', 380),
      },
      { promise: { sentence: '换乘比例提高到90%', value: 90 }, expected: met('换乘比例达91%', 91) },
      { promise: { sentence: '完成30项市级疏堵工程', value: 30 }, expected: met('30项市级疏堵工程', 30) },
      { promise: { sentence: '打通20条断头路', value: 20 }, expected: met('打通53条断头路', 53) },
      {
        promise: { sentence: '建设2.5万个停车位', value: 2.5e4 },
        expected: met('新增机动车停车位5万余个', 5e4),
      },
      {
        promise: { sentence: '不少于10万个高校毕业生就业岗位', value: 1e5 },
        expected: met('提供11.2万个高校毕业生就业岗位', 1.12e5),
      },
      { promise: { sentence: '覆盖二级以上医疗机构97%的门诊量', value: 97 }, expected: met('97%门诊量', 97) },
      {
        promise: { sentence: '建设筹集保障性租赁住房5万套', value: 5e4 },
        expected: met('保障性租赁住房6.7万套', 6.7e4),
      },
      {
        promise: { sentence: '竣工各类保障房8万套', value: 8e4 },
        expected: met('竣工各类保障房10万套', 1e5),
      },
      {
        promise: { sentence: '新建50个养老服务中心', value: 50 },
        expected: met('新建50个区域养老服务中心', 50),
      },
      {
        promise: { sentence: '新建2000张家庭养老床位', value: 2000 },
        expected: met('新增7701张家庭养老床位', 7701),
      },
      // Reported by the review in other words or another measure word (部 → 台, 个 → 处):
      { promise: { sentence: '老楼加装电梯完工600部', value: 600 }, expected: met('老楼加装电梯869台', 869) },
      {
        promise: { sentence: '改善宛平城等12个重点区域周边环境面貌', value: 12 },
        expected: met('宛平城等20处重点区域', 20),
      },
      {
        promise: { sentence: '新增联山联水联社区的绿道1000公里', value: 1000 },
        expected: met('新增绿道1000公里', 1000),
      },
      {
        promise: { sentence: '50%的门诊预约号源提前向基层投放', value: 50 },
        expected: met('投放50%以上号源', 50),
      },
      {
        promise: { sentence: '实施500个老旧小区综合整治', value: 500 },
        expected: met('老旧小区改造完工1225个', 1225),
      },
      // Not in the 2026 review at all ("居民消费价格总体平稳" gives no number):
      { promise: { sentence: '居民消费价格涨幅2%左右', value: 2 }, expected: notReported },
      { promise: { sentence: '实现城镇新增就业不少于26万人', value: 2.6e5 }, expected: notReported },
      { promise: { sentence: '建设高标准农田15万亩', value: 1.5e5 }, expected: notReported },
      { promise: { sentence: '改造老旧管线1000公里', value: 1000 }, expected: notReported },
      { promise: { sentence: '增加1万个错时共享停车位', value: 1e4 }, expected: notReported },
      { promise: { sentence: '新建5个紧密型城市医疗集团', value: 5 }, expected: notReported },
      { promise: { sentence: '开展各类阅读活动3万场', value: 3e4 }, expected: notReported },
      { promise: { sentence: '打造市民观城观景视廊50条', value: 50 }, expected: notReported },
    ],
  },
];
