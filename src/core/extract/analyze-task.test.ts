import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeTask, findTargetsAndDeadline } from './index.js';

/** value|unit|comparator of every target, in order. */
function read(sentence: string): string[] {
  return analyzeTask(sentence, { year: 2026 }).targets.map((t) =>
    t.max === undefined
      ? `${t.value}|${t.unit}|${t.comparator}`
      : `${t.value}-${t.max}|${t.unit}|${t.comparator}`,
  );
}

describe('lists, names and subjects (issue 15, on unseen text)', () => {
  it.each([
    ['城乡居民人均可支配收入分别增长5.2%、8%左右', ['5.2|%|~', '8|%|~']],
    ['一产、二产、三产增加值分别增长5%左右、6%以上、5%', ['5|%|~', '6|%|>=', '5|%|=']],
    ['交通、水利投资分别达2400亿元、450亿元以上', ['240000000000|元|>=', '45000000000|元|>=']],
    ['举办创新创业青年50人论坛', []],
    ['筹办中国经济50人论坛年会', []],
  ])('%s', (sentence, expected) => {
    expect(read(sentence)).toEqual(expected);
  });

  it.each([
    [
      '城镇和农村常住居民人均可支配收入分别增长4%左右和6%左右',
      ['城镇和农村常住居民人均可支配收入', '城镇和农村常住居民人均可支配收入'],
    ],
    ['粮食产量继续保持500亿斤以上', ['粮食产量']],
    ['筹集建设保障性租赁住房2万套', ['保障性租赁住房']],
  ])('subject of %s', (sentence, subjects) => {
    expect(analyzeTask(sentence, { year: 2026 }).targets.map((t) => t.subject)).toEqual(subjects);
  });
});

describe('values and multipliers', () => {
  it.each([
    ['新增完工面积25万平方米', '250000|平方米|='],
    ['促进城乡劳动力就业不少于1.5万人', '15000|人|>='],
    ['今年拟安排地方政府专项债券3.9万亿元', '3900000000000|元|='],
    ['争取中央支持资金2.3亿元', '230000000|元|='],
    ['新增学位三千个', '3000|个|='],
    ['建成美丽庭院一万二千户。', '12000|户|='],
    ['新建幼儿园两所。', '2|所|='],
    ['日均新设企业1万6千多户', '16000|户|>'],
    ['全年减税8000多亿元', '800000000000|元|>'],
    ['新增中小学学位６５００个', '6500|个|='],
    ['增长百分之六', '6|%|='],
    ['养老助餐点覆盖九成以上城乡社区', '90|%|>='],
    ['占世界三分之二', `${200 / 3}|%|=`],
    ['婴儿死亡率控制在0.8‰以下', '0.8|‰|<='],
    ['新增装机3000万千瓦', '30000000|千瓦|='],
    ['外调绿电规模达到400亿千瓦时', '40000000000|千瓦时|>='],
    ['建设低标堤防5千米', '5|公里|='],
    ['新增污水处理能力30万吨/日', '300000|吨/日|='],
    ['全员劳动生产率达到30万元/人左右', '300000|元/人|~'],
    ['PM2.5平均浓度降至20.6微克/立方米', '20.6|微克/立方米|='],
  ])('%s', (sentence, expected) => {
    expect(read(sentence)).toEqual([expected]);
  });
});

describe('comparators', () => {
  it.each([
    ['举办文化活动1300场以上', '>='],
    ['城镇调查失业率控制在5%以内', '<='],
    ['城镇调查失业率5.5%左右', '~'],
    ['新增护理型床位超过1000张', '>'],
    ['城镇新增就业超143万人', '>'],
    ['知识产权质押融资突破3000亿元', '>'],
    ['新增普惠性托位近1.9万个', '~'],
    ['成交金额约600亿元', '~'],
    ['特困人员基本生活标准不低于当地最低生活保障标准的1.6倍', '>='],
    ['累计提高总额不超过大病保险原封顶线的20%', '<='],
    ['力争达到3.35%', '>='],
    ['整治提升背街小巷2100多条', '>'],
    ['清理打通疏散通道3.2万余处', '>'],
    ['食品抽检量超每千人6.5批次', '>'],
    ['赤字率控制在3%', '<='],
    ['森林覆盖率稳定在65%以上', '>='],
  ])('%s', (sentence, comparator) => {
    expect(analyzeTask(sentence, { year: 2026 }).targets.map((t) => t.comparator)).toEqual([comparator]);
  });

  it('carries a cue over a list joined by 和 or 、', () => {
    expect(read('诉求解决率、满意率分别达96.7%和97%')).toEqual(['96.7|%|>=', '97|%|>=']);
    expect(read('食品、药品抽检合格率分别超98.5%和99%')).toEqual(['98.5|%|>', '99|%|>']);
  });
});

describe('ranges', () => {
  it.each([
    ['新建3至5个口袋公园', '3-5|个|between'],
    ['国内生产总值增长6%－6.5%', '6-6.5|%|between'],
    ['全省生产总值增长5%—5.5%', '5-5.5|%|between'],
    ['增长6%-7%', '6-7|%|between'],
    ['建设3—5个示范区', '3-5|个|between'],
    ['年均增速4.5%-5%', '4.5-5|%|between'],
  ])('%s', (sentence, expected) => {
    expect(read(sentence)).toEqual([expected]);
  });
});

describe('not targets', () => {
  it.each([
    '推动轨道交通M102线规划建设',
    '推动轨道交通22号线通州段基本具备开通条件',
    '开通地铁17号线全线和6号线南延',
    '积极创建国家4A级旅游景区',
    '加快第二批搬迁市属国企总部建设',
    '推动智慧交通(二期)项目建设',
    '全面贯彻党的二十大和二十届三中全会精神',
    '高标准实现“十五五”良好开局',
    '全面落实“1+1+4”顶层体系',
    '坚持“两个毫不动摇”',
    '大力推进“三大工程”建设',
    '深化“热线+网格”机制，12345热线诉求快速响应',
    '推动全市5G移动网络深度覆盖',
    '提升消防救援5分钟响应覆盖率',
    '打造24小时活力街区',
    '2026年是“十五五”开局之年',
    '打通一批“断头路”',
    '出台若干措施',
    '为全省0—6岁儿童免费开展孤独症筛查',
    '鼓励参与3岁以下幼儿托育服务建设',
    '淘汰关停不达标的30万千瓦以下煤电机组',
    '继续保持千亿级投资强度',
    '30万吨级条帚门航道建成投运',
    '北京连续9年稳居自然指数榜首',
    '城乡居民收入比缩小至2.31:1',
    '开工备案项目比例达到1∶3.4',
    '大力实施“3个100”市重点工程',
    '走进千家万户',
    '跻身全球百强科技集群前三位',
    '重点抓好以下十二个方面：',
    '实施住房保障、创业服务等十条支持措施',
    '实施新一轮千亿斤粮食产能提升行动',
    '深化0.1微克攻坚行动',
  ])('%s', (sentence) => {
    expect(read(sentence)).toEqual([]);
  });

  it('keeps the count but not the class qualifier', () => {
    expect(read('大型产业集聚区新投产亿元以上项目超270个')).toEqual(['270|个|>']);
    expect(read('培育年营业收入超10亿元企业20家')).toEqual(['20|家|=']);
    expect(read('为超2.5万名65岁及以上失能老年人免费提供服务')).toEqual(['25000|名|>']);
    expect(read('每千人口拥有3岁以下托位数不少于5.5个')).toEqual(['5.5|个|>=']);
    expect(read('利用闲置空地打造900公顷以上特色花海')).toEqual(['900|公顷|>=']);
    expect(read('地区生产总值突破2000亿元大关')).toEqual(['200000000000|元|>']);
  });

  it('drops the baseline of a change', () => {
    expect(read('将养老保险单位缴费比例从20%降至16%')).toEqual(['16|%|=']);
    expect(read('补贴标准分别从每人每月202元、270元提高到209元、280元')).toEqual(['209|元|=', '280|元|=']);
    expect(read('将制造业等行业现行16%的税率降至13%')).toEqual(['13|%|=']);
  });

  it('shares the last unit over a list', () => {
    expect(read('沙化土地面积分别净减少10.6万、3.8万、3.3万平方公里')).toEqual([
      '106000|平方公里|=',
      '38000|平方公里|=',
      '33000|平方公里|=',
    ]);
  });
});

describe('change and subject', () => {
  it.each([
    ['新增中小学学位6500个', 'increase', '中小学学位'],
    ['扩增公办学前教育学位720个', 'increase', '公办学前教育学位'],
    ['城镇调查失业率控制在5%以内', 'level', '城镇调查失业率'],
    ['地区生产总值增长5%左右', 'growth-rate', '地区生产总值'],
    ['单位国内生产总值能耗降低3%左右', 'decrease', '单位国内生产总值能耗'],
    ['新建10家养老服务驿站', 'increase', '养老服务驿站'],
    ['举办首都市民系列文化活动1300场以上', 'level', '首都市民系列文化活动'],
    ['常住人口城镇化率提高到67%', 'level', '常住人口城镇化率'],
    ['战略性新兴产业增加值占规上工业比重达到35%左右', 'level', '战略性新兴产业增加值占规上工业比重'],
  ])('%s', (sentence, change, subject) => {
    const [target] = analyzeTask(sentence, { year: 2026 }).targets;
    expect(target?.change).toBe(change);
    expect(target?.subject).toBe(subject);
  });
});

describe('analyzeTask properties', () => {
  const chinese = fc.constantFrom(
    ...'新增建设个家项万亿千百十一二两三五九以上以内左右超过不少于约近达到%％０１２３.—－-至到、，。“”《》第号线级岁年月日底前季度上半年M5G的和从降至提高'.split(
      '',
    ),
  );
  const sentence = fc.oneof(
    fc.string({ maxLength: 60 }),
    fc
      .array(fc.oneof(chinese, fc.constantFrom('1', '2', '3', '0', '.', '5')), { maxLength: 60 })
      .map((a) => a.join('')),
  );

  it('never throws, and every span slices out its text', () => {
    fc.assert(
      fc.property(sentence, (text) => {
        const analysis = analyzeTask(text, { year: 2026 });
        for (const target of analysis.targets) {
          expect(target.span[0]).toBeGreaterThanOrEqual(0);
          expect(target.span[1]).toBeLessThanOrEqual(text.length);
          expect(text.slice(target.span[0], target.span[1])).toBe(target.text);
          expect(Number.isFinite(target.value)).toBe(true);
        }
        if (analysis.deadline !== null) {
          expect(text.slice(analysis.deadline.span[0], analysis.deadline.span[1])).toBe(
            analysis.deadline.text,
          );
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('finds the same targets and deadline without the commitment (findTargetsAndDeadline)', () => {
    fc.assert(
      fc.property(sentence, (text) => {
        const { targets, deadline } = analyzeTask(text, { year: 2026 });
        expect(findTargetsAndDeadline(text, { year: 2026 })).toStrictEqual({ targets, deadline });
      }),
      { numRuns: 1000 },
    );
    const { targets, deadline } = analyzeTask('力争2026年底前新增中小学学位6500个以上', { year: 2026 });
    expect(targets).toHaveLength(1);
    expect(deadline?.date).toBe('2026-12-31');
    expect(findTargetsAndDeadline('力争2026年底前新增中小学学位6500个以上', { year: 2026 })).toStrictEqual({
      targets,
      deadline,
    });
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(sentence, (text) => {
        expect(analyzeTask(text, { year: 2026 })).toEqual(analyzeTask(text, { year: 2026 }));
      }),
      { numRuns: 500 },
    );
  });

  it('stays linear on long hostile input', () => {
    const hostile = `${'1'.repeat(50_000)}${'万'.repeat(50_000)}${'“'.repeat(20_000)}${'超'.repeat(20_000)}`;
    const started = performance.now();
    analyzeTask(hostile, { year: 2026 });
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
