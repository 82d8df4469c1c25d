import { describe, expect, it } from 'vitest';
import type { AreaNode, ReportTree } from '../report-tree.js';
import { normalizeReportText, parseReport } from './index.js';

/** Small reports written for these tests (no corpus text). */
const parse = (lines: string[]): ReportTree => parseReport(normalizeReportText(lines.join('\n')));
const titles = (area: AreaNode | undefined): string[] => area?.measures.map((measure) => measure.title) ?? [];
const taskTexts = (area: AreaNode | undefined, measure: number): string[] =>
  area?.measures[measure]?.tasks.map((task) => task.text) ?? [];

/** Every task of an area, measures' tasks included. */
const allTasks = (area: AreaNode | undefined): string[] => [
  ...(area?.tasks ?? []).map((task) => task.text),
  ...(area?.measures ?? []).flatMap((measure) => measure.tasks.map((task) => task.text)),
];

describe('measures written as short topic sentences inside one paragraph', () => {
  const tree = parse([
    '各位代表：',
    '一、2026年重点工作',
    '（一）扩大内需。坚持把恢复和扩大消费摆在优先位置，增强内需对经济增长的拉动作用。' +
      '提振居民消费。开展消费品以旧换新行动，支持家电、家具和汽车更新，扩大汽车消费。' +
      '举办夜间消费季。发展首店经济，培育一批特色商圈和消费新场景，让居民愿消费、能消费。' +
      '扩大有效投资。优化政府投资结构，用好地方政府专项债券，加快推进交通、水利和能源重大项目。' +
      '深化投融资体制改革，激发民间投资活力，引导社会资本参与新型基础设施建设。' +
      '新建城市地下管网。完善项目前期工作机制。做好对口帮扶工作。稳住外贸基本盘。' +
      '支持外贸企业开拓多元市场，办好进出口商品交易会，扩大跨境电商规模。推动加工贸易梯度转移。',
    '（二）发展产业。坚持把发展经济的着力点放在实体经济上，加快建设现代化产业体系。',
    '改造提升传统产业。实施制造业技术改造升级工程，推动钢铁、化工等行业设备更新。' +
      '培育新兴产业。开展新技术新产品新场景应用示范行动，壮大新能源汽车、生物医药等产业集群。' +
      '建设一批新兴产业园区，完善园区配套。前瞻布局未来产业。实施未来产业培育行动，建设未来产业先导区。' +
      '支持量子科技、具身智能等前沿技术研发。',
  ]);
  const [demand, industry] = tree.areas;

  it('takes the short sentences that open a body as measures, after the lead', () => {
    expect(titles(demand)).toEqual(['提振居民消费', '扩大有效投资', '稳住外贸基本盘']);
    expect(demand?.preamble?.text).toBe('坚持把恢复和扩大消费摆在优先位置，增强内需对经济增长的拉动作用。');
  });

  it('keeps a short sentence with a body of one sentence as a task of the measure before it', () => {
    expect(taskTexts(demand, 0)).toEqual([
      '开展消费品以旧换新行动，支持家电、家具和汽车更新，扩大汽车消费',
      '举办夜间消费季',
      '发展首店经济，培育一批特色商圈和消费新场景，让居民愿消费、能消费',
    ]);
    // A short sentence at the end of the paragraph has no body: a task.
    expect(taskTexts(demand, 2).at(-1)).toBe('推动加工贸易梯度转移');
  });

  it('takes from short sentences in a row the one whose words recur in the text after it', () => {
    // "新建城市地下管网。完善项目前期工作机制。做好对口帮扶工作。稳住外贸基本盘。支持外贸企业…"
    expect(taskTexts(demand, 1).slice(-3)).toEqual([
      '新建城市地下管网',
      '完善项目前期工作机制',
      '做好对口帮扶工作',
    ]);
  });

  it('reads a body paragraph under a heading paragraph with its lead as opening on its topic', () => {
    expect(titles(industry)).toEqual(['改造提升传统产业', '培育新兴产业', '前瞻布局未来产业']);
    expect(industry?.preamble?.text).toBe('坚持把发展经济的着力点放在实体经济上，加快建设现代化产业体系。');
    expect(taskTexts(industry, 0)).toEqual(['实施制造业技术改造升级工程，推动钢铁、化工等行业设备更新']);
  });

  it('reads topics in the one body paragraph under a heading line and a lead paragraph', () => {
    const separate = parse([
      '各位代表：',
      '一、2026年重点工作',
      '（一）发展产业',
      '坚持把发展经济的着力点放在实体经济上，加快建设现代化产业体系。',
      '改造提升传统产业。实施制造业技术改造升级工程，推动钢铁、化工等行业设备更新。' +
        '培育新兴产业。开展新技术新产品新场景应用示范行动，壮大新能源汽车、生物医药等产业集群。' +
        '建设一批新兴产业园区，完善园区配套。前瞻布局未来产业。实施未来产业培育行动，建设未来产业先导区。' +
        '支持量子科技、具身智能等前沿技术研发。',
    ]);
    const area = separate.areas[0];
    expect(area?.preamble?.text).toBe('坚持把发展经济的着力点放在实体经济上，加快建设现代化产业体系。');
    expect(titles(area)).toEqual(['改造提升传统产业', '培育新兴产业', '前瞻布局未来产业']);
  });

  it('leaves a paragraph of short tasks with no topic structure as tasks', () => {
    const list = parse([
      '各位代表：',
      '一、2026年重点工作',
      '（一）扩大开放。稳步推进制度型开放。推动跨境经济合作。办好博览会和经贸洽谈会。' +
        '启动口岸智慧化建设。加强涉外法治建设。开展开放平台创建。推进国际医学开放试验区建设。' +
        '深化海铁联运一体化改革，加快建设江海联运作业区。建设一批服务贸易园区。加强国际邮政快递枢纽建设。',
    ]);
    expect(titles(list.areas[0])).toEqual([]);
    expect(list.areas[0]?.tasks).toHaveLength(10);
  });
});

describe('inline topics told from short tasks by the field they name', () => {
  const tree = parse([
    '各位代表：',
    '一、2026年重点工作',
    '（一）办好民生实事。坚持民生为大，把好事办实、把实事办好。' +
      '着力稳就业促增收。实施稳岗扩容提质行动，开展职业技能提升培训。稳定重点群体就业，千方百计增加居民收入。' +
      '健全社会保障体系。扩大失业、工伤保险覆盖面，完善多层次社会保障体系。加强困难群体帮扶，兜牢基本民生底线。' +
      '加快建设健康城市。推动高水平医院建设，创建区域医疗中心。实施医疗卫生强基工程，加强基层医疗机构运行保障。' +
      '强化重大传染病防控。',
    '（二）统筹发展和安全。标本兼治提升本质安全水平。' +
      '加强重点领域风险防范。推动房地产市场平稳运行，稳妥化解地方政府债务风险。优化金融生态环境，打击非法金融活动。' +
      '提高公共安全治理水平。深入实施安全生产治本攻坚行动，持续开展事故隐患排查整治，坚决遏制重特大事故发生。' +
      '加强气象、地震监测预警体系建设，提高防灾减灾救灾能力。' +
      '强化食品药品全链条监管。深化社会治安整体防控体系建设，打击电信网络诈骗等违法犯罪。促进法律服务发展。' +
      '保持社会和谐稳定。坚持和发展新时代“枫桥经验”，加强矛盾纠纷排查化解，推进信访工作法治化，' +
      '提高基层治理能力，为发展营造安全稳定环境。',
  ]);
  const [livelihood, security] = tree.areas;

  it('takes a short sentence whose field the body spells out in its kinds as a measure (健康 → 医院, 医疗)', () => {
    expect(titles(livelihood)).toEqual(['着力稳就业促增收', '健全社会保障体系', '加快建设健康城市']);
    expect(taskTexts(livelihood, 2)).toContain('强化重大传染病防控');
  });

  it('keeps a short sentence naming a kind of the field of the measure before it as that measure’s task', () => {
    expect(titles(security)).toEqual(['加强重点领域风险防范', '提高公共安全治理水平', '保持社会和谐稳定']);
    expect(taskTexts(security, 1)).toContain('强化食品药品全链条监管');
  });

  it('takes a measure whose body is one sentence of five clauses, under 100 characters', () => {
    expect(taskTexts(security, 2)).toHaveLength(1);
  });
});

describe('the fields of government work beyond health and safety', () => {
  const tree = parse([
    '各位代表：',
    '一、2026年重点工作',
    '（一）扩大国内需求。坚持扩内需和稳增长相结合，增强经济发展内生动力。' +
      '更大力度提振消费。开展家电以旧换新，支持汽车消费升级。推动服务消费提质扩容，丰富消费场景。激发县域消费潜力。' +
      '改造提升一批商圈和步行街，引进品牌首店。支持餐饮企业连锁经营，发展夜经济。' +
      '着力扩大有效投资。用好地方政府专项债，做深做实重大项目前期工作。引导民间资本参与新型基础设施建设，提高审批效率。' +
      '稳住外贸基本盘。支持企业拓展进出口业务，发展跨境电商和海外仓。扩大服务贸易规模，办好进口商品展会。',
    '（二）增进民生福祉。坚持在发展中保障和改善民生，把更多财力用于群众急难愁盼。' +
      '着力稳就业促增收。实施重点群体就业帮扶行动，扩大公益性岗位开发。落实稳岗返还政策，支持企业吸纳高校毕业生。' +
      '推进教育强市建设。新建改扩建中小学校20所，增加公办学位1万个。深化课程教学改革，加强教师队伍培养。' +
      '推动文化繁荣兴盛。加强文物保护利用，建好用好博物馆和图书馆。扶持精品文艺创作，发展演艺新业态。' +
      '健全养老服务体系。发展社区嵌入式老年助餐点，推进适老化改造。扩大长期护理保险试点，培育银发经济新业态。',
    '（三）完善现代基础设施。坚持适度超前建设基础设施，提升综合承载能力。' +
      '加快综合交通网络建设。推进城际铁路和高速公路项目，开工建设两条地铁线路。提升港口集疏运能力，完善内河航道等级。' +
      '实施机场改扩建工程。完成航站楼扩建，开通更多国际航线。推动临空产业集聚，完善航站区配套。' +
      '加强水利设施建设。推进病险水库除险加固，建设大型灌区续建配套工程。完善堤防体系，提高防洪能力。' +
      '推进新型能源体系建设。建设一批光伏和风电基地，推进电网升级改造。发展新型储能，扩大天然气供应。',
  ]);
  const [demand, livelihood, infrastructure] = tree.areas;

  it('takes a topic whose field its body names in kinds as a measure (教育 → 学校, 课程, 教师)', () => {
    expect(titles(livelihood)).toEqual([
      '着力稳就业促增收',
      '推进教育强市建设',
      '推动文化繁荣兴盛',
      '健全养老服务体系',
    ]);
    expect(taskTexts(livelihood, 1)).toEqual([
      '新建改扩建中小学校20所，增加公办学位1万个',
      '深化课程教学改革，加强教师队伍培养',
    ]);
  });

  it('takes topics of investment and trade over bodies on 专项债, 重大项目 and 进出口, 跨境电商', () => {
    expect(titles(demand)).toEqual(['更大力度提振消费', '着力扩大有效投资', '稳住外贸基本盘']);
  });

  it('keeps a short sentence whose field recurs after it only as the kinds of the field of the topic before it as a task', () => {
    expect(taskTexts(demand, 0)).toContain('激发县域消费潜力');
    expect(taskTexts(demand, 0)).toContain('支持餐饮企业连锁经营，发展夜经济');
  });

  it('keeps a short sentence naming a kind of the field the measure before it names as its task (交通 → 机场)', () => {
    expect(titles(infrastructure)).toEqual([
      '加快综合交通网络建设',
      '加强水利设施建设',
      '推进新型能源体系建设',
    ]);
    expect(taskTexts(infrastructure, 0)).toContain('实施机场改扩建工程');
  });
});

describe('pure exhortation inside a paragraph', () => {
  const tree = parse([
    '各位代表：',
    '一、2026年重点工作',
    '（一）扩大内需',
    '提振消费。开展以旧换新活动。举办促消费活动100场。',
    '扩大有效投资。新开工重大项目200个。推进城市更新。让我们以只争朝夕的精神，奋力谱写扩大内需新篇章！',
    '（二）发展产业',
    '培育新兴产业。新增高新技术企业300家。建设产业园区。只要咬定目标不放松，产业强省的目标就一定能实现。',
    '（三）深化合作',
    '对接周边。共建产业合作园区。携手周边省份推进基础设施互联互通。',
  ]);
  const [demand, industry, cooperation] = tree.areas;

  it('keeps closing rhetoric out of the last measure, in the area closing', () => {
    expect(titles(demand)).toEqual(['提振消费', '扩大有效投资']);
    expect(taskTexts(demand, 1)).toEqual(['新开工重大项目200个', '推进城市更新']);
    expect(demand?.closing?.text).toBe('让我们以只争朝夕的精神，奋力谱写扩大内需新篇章！');
    // Still the area's text.
    const closing = demand?.closing?.span ?? [0, 0];
    expect(demand?.span[0]).toBeLessThanOrEqual(closing[0]);
    expect(demand?.span[1]).toBeGreaterThanOrEqual(closing[1]);
  });

  it('keeps closing rhetoric out of the tasks of an area whose sentences are its tasks', () => {
    expect(titles(industry)).toEqual([]);
    expect(allTasks(industry)).toEqual(['培育新兴产业', '新增高新技术企业300家', '建设产业园区']);
    expect(industry?.closing?.text).toBe('只要咬定目标不放松，产业强省的目标就一定能实现。');
  });

  it('keeps a sentence that pledges and acts as a task', () => {
    expect(allTasks(cooperation)).toContain('携手周边省份推进基础设施互联互通');
    expect(cooperation?.closing).toBeUndefined();
  });
});

describe('a two-level tasks section', () => {
  const tree = parse([
    '各位代表：',
    '一、2025年工作回顾',
    '过去一年，全市经济运行稳中有进。地区生产总值增长5.2%。',
    '二、2026年工作安排',
    '今年是“十五五”开局之年。做好今年工作，要坚持稳中求进工作总基调。',
    '一、坚持扩大内需，增强发展动力',
    '（一）提振居民消费。开展以旧换新活动。举办促消费活动100场。',
    '（二）扩大有效投资。新开工重大项目200个。推进城市更新。',
    '（三）稳住外贸外资。',
    '支持企业开拓多元市场。办好进出口商品交易会。',
    '二、坚持创新驱动，发展新质生产力',
    '（一）培育新兴产业。新增高新技术企业300家。建设产业园区。',
    '（二）加强科技创新。新建重点实验室5个。',
    '三、坚持从严治政，全面加强政府自身建设',
    '（一）坚持依法行政。严格执行重大行政决策程序。',
    '（二）建设廉洁政府。落实全面从严治党要求。',
    '各位代表！让我们团结一心，奋力谱写新篇章！',
  ]);

  it('reads the 一、 parts as the areas and their （一） items as the measures', () => {
    expect(tree.sections.filter((section) => section.kind === 'tasks').map((s) => s.title)).toEqual([
      '2026年工作安排',
    ]);
    expect(tree.areas.map((area) => [area.label, area.title])).toEqual([
      ['一、', '坚持扩大内需，增强发展动力'],
      ['二、', '坚持创新驱动，发展新质生产力'],
      ['三、', '坚持从严治政，全面加强政府自身建设'],
    ]);
    expect(tree.areas.map((area) => area.measures.map((measure) => measure.label))).toEqual([
      ['（一）', '（二）', '（三）'],
      ['（一）', '（二）'],
      ['（一）', '（二）'],
    ]);
    expect(titles(tree.areas[0])).toEqual(['提振居民消费', '扩大有效投资', '稳住外贸外资']);
  });

  it('takes each item sentence, and the line under an item, as the item measure tasks', () => {
    expect(taskTexts(tree.areas[0], 0)).toEqual(['开展以旧换新活动', '举办促消费活动100场']);
    expect(taskTexts(tree.areas[0], 2)).toEqual(['支持企业开拓多元市场', '办好进出口商品交易会']);
    expect(taskTexts(tree.areas[1], 1)).toEqual(['新建重点实验室5个']);
  });

  it('marks a last part on the government itself as self-building, its tasks tracked', () => {
    expect(tree.areas.map((area) => Boolean(area.selfBuilding))).toEqual([false, false, true]);
    expect(allTasks(tree.areas[2])).toEqual(['严格执行重大行政决策程序', '落实全面从严治党要求']);
    expect(tree.sections.some((section) => section.kind === 'self-building' && section.label)).toBe(false);
  });
  it('reads the numbered parts under an unnumbered tasks heading as its areas', () => {
    const bare = parse([
      '各位代表：',
      '过去一年工作回顾',
      '2025年，全市经济运行稳中有进，地区生产总值增长5.2%，城乡居民收入稳步增长，民生保障有力有效。',
      '2026年工作安排',
      '今年是“十五五”开局之年。做好今年工作，要坚持稳中求进工作总基调。',
      '一、坚持扩大内需，增强发展动力',
      '（一）提振居民消费。开展以旧换新活动。举办促消费活动100场。',
      '（二）扩大有效投资。新开工重大项目200个。推进城市更新。',
      '二、坚持从严治政，全面加强政府自身建设',
      '（一）坚持依法行政。严格执行重大行政决策程序。',
      '各位代表！让我们团结一心，奋力谱写新篇章！',
    ]);
    expect(bare.sections.map((section) => [section.kind, section.title])).toEqual([
      ['other', '各位代表：'],
      ['review', '过去一年工作回顾'],
      ['tasks', '2026年工作安排'],
      ['other', '各位代表！'],
    ]);
    expect(bare.areas.map((area) => [area.label, titles(area), Boolean(area.selfBuilding)])).toEqual([
      ['一、', ['提振居民消费', '扩大有效投资'], false],
      ['二、', ['坚持依法行政'], true],
    ]);
  });
});

describe('a paragraph of other work after a last area written as one paragraph of inline topics', () => {
  const tree = parse([
    '各位代表：',
    '一、2026年重点工作',
    '（一）扩大内需。坚持把恢复和扩大消费摆在优先位置。',
    '提振居民消费。开展消费品以旧换新行动，支持家电、家具和汽车更新，扩大汽车消费。举办夜间消费季。',
    '（二）统筹发展和安全。坚持底线思维，提升本质安全水平。' +
      '防范化解金融风险。稳妥处置中小金融机构风险，打击非法金融活动，守住不发生系统性金融风险的底线。' +
      '完善金融风险监测预警机制。' +
      '提高安全生产水平。开展安全生产治本攻坚行动，压实企业主体责任，加强重点行业安全监管。' +
      '推进应急管理体系建设，提升安全生产水平。' +
      '维护社会稳定大局。坚持和发展新时代“枫桥经验”，推进信访工作法治化，加强社会稳定风险排查化解。' +
      '完善社会治安整体防控体系，维护社会稳定。',
    '我们将全力支持国防和军队现代化建设，加强国防教育和国防动员。大力弘扬双拥优良传统，做好退役军人服务保障。',
    '各位代表，我们将持续加强政府自身建设。',
  ]);
  const safety = tree.sections.find((section) => section.kind === 'tasks')?.areas ?? [];

  it('keeps the inline topics of the heading paragraph as the measures', () => {
    expect(titles(safety[1])).toEqual(['防范化解金融风险', '提高安全生产水平', '维护社会稳定大局']);
    expect(safety[1]?.tasks).toEqual([]);
  });

  it('moves the 国防 paragraph to an unnumbered 其他工作 area with both its sentences as tasks', () => {
    const other = safety[2];
    expect(other?.title).toBe('其他工作');
    expect(other?.unnumbered).toBe(true);
    expect(allTasks(other)).toEqual([
      '我们将全力支持国防和军队现代化建设，加强国防教育和国防动员',
      '大力弘扬双拥优良传统，做好退役军人服务保障',
    ]);
  });
});

describe('pure exhortation in the middle of an area', () => {
  const tree = parse([
    '各位代表：',
    '一、2026年重点工作',
    '（一）推进区域合作',
    '深化与周边省份合作。共建跨省产业合作园区，推动基础设施互联互通。我们坚信，只要同心协力，区域合作一定能结出更多硕果。' +
      '办好第五届区域合作论坛。',
    '加强对外交流。两岸同胞血脉相连，必将共创美好未来。扩大人员往来和经贸交流，支持台资企业参与乡村振兴。' +
      '要以更大力度吸引人才，让各类人才在这里大展身手、一定能创造更大业绩。',
    '（二）加强生态保护',
    '推进污染防治。开展空气质量改善行动，携手周边城市推进大气污染联防联控。新建污水处理厂3座。',
  ]);
  const [cooperation, ecology] = tree.areas;

  it('takes a sentence of pure rhetoric between task sentences out of the tasks, into the asides', () => {
    expect(titles(cooperation)).toEqual(['深化与周边省份合作', '加强对外交流']);
    expect(taskTexts(cooperation, 0)).toEqual([
      '共建跨省产业合作园区，推动基础设施互联互通',
      '办好第五届区域合作论坛',
    ]);
    expect(taskTexts(cooperation, 1)).toEqual([
      '扩大人员往来和经贸交流，支持台资企业参与乡村振兴',
      '要以更大力度吸引人才，让各类人才在这里大展身手、一定能创造更大业绩',
    ]);
    expect(cooperation?.asides?.map((aside) => aside.text)).toEqual([
      '我们坚信，只要同心协力，区域合作一定能结出更多硕果。',
      '两岸同胞血脉相连，必将共创美好未来。',
    ]);
    // Still the area's text, and each inside its measure's.
    for (const aside of cooperation?.asides ?? []) {
      expect(cooperation?.span[0]).toBeLessThanOrEqual(aside.span[0]);
      expect(cooperation?.span[1]).toBeGreaterThanOrEqual(aside.span[1]);
    }
  });

  it('keeps a sentence that pledges and acts, or opens on a directive, as a task', () => {
    expect(allTasks(ecology)).toContain('开展空气质量改善行动，携手周边城市推进大气污染联防联控');
    expect(ecology?.asides).toBeUndefined();
  });
});
