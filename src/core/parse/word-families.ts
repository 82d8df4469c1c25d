/**
 * The fields of government work, each named by general words and carried out under more specific
 * ones: a report's topic names the field ("加快建设健康江苏。", "推进教育强市建设。"), its body the
 * specific work ("高水平医院建设", "学校", "教师"). Written from what every work report covers, not
 * from one report.
 *
 * How the table is kept general:
 * - A kind is a specific member of exactly one field: no kind, and no name, belongs to two fields,
 *   and no kind contains another field's name or kind (a sentence on "养老保险" would otherwise
 *   name the pension field and social insurance at once, and say which it is about by neither).
 * - A field's kinds are specific work, never other fields: umbrellas whose members are fields of
 *   their own are left out — 民生 (就业, 教育, 健康, 养老…), 内需 (消费, 投资), 风险 (房地产, 债务,
 *   金融) and 基础设施 (交通, 水利, 能源). Under a topic naming one of them, a short sentence naming
 *   one of its members is as often the next measure as a task of it.
 * - Names are words that say the field and nothing else: 环境 alone is left out (营商环境 and
 *   生态环境 are different fields), as is 创新 alone (制度创新, 创新社会治理), 保障 (保障能力,
 *   要素保障) and 产业 (文旅产业, 健康产业, 数字产业: the industry of any field; 传统产业 and
 *   新兴产业 are measures side by side). 科技, 生态环境 and 制造业, 工业 name those fields instead.
 * - Kinds are words with one reading in a work report: 社区 (社区养老, 社区医疗, 社区治理),
 *   枢纽 (交通, 能源, 算力), 保险 (社会保险, 商业保险), 基金 (产业基金, 社保基金), 网络 (网络安全,
 *   网络诈骗) and 融资 (企业融资 in finance, 融资平台 in debt) are left out.
 * - No kind contains its own field's name: a part named as such (安全生产, 新兴产业, 未来产业,
 *   隐性债务) is as often a measure beside the one naming the field as a task of it, and for
 *   recurrence it adds nothing, the name in it recurring as written. 安全生产, in the first table of
 *   four fields, left for this reason; 碳达峰 and 碳中和 spell out 双碳, so they are names of it.
 * Weighed on the hand-read corpus trees as a whole, not entry by entry: some kinds are also made
 * measures of their own beside one naming their field (攻关, 重大项目, 防灾减灾), so isKindOfField
 * reads a few neighbouring measures as one if a report writes them as inline topics.
 */
export interface Field {
  /** Words that name the field (健康). */
  readonly names: readonly string[];
  /** Words that name specific work in it (医院, 医疗). */
  readonly kinds: readonly string[];
}

export const FIELDS: readonly Field[] = [
  {
    names: ['健康'],
    kinds: [
      '医疗',
      '医院',
      '医学',
      '医保',
      '卫生',
      '疾病',
      '病防治',
      '疾控',
      '传染病',
      '中医',
      '医药',
      '体育',
    ],
  },
  { names: ['安全'], kinds: ['消防', '应急', '事故', '防灾', '减灾', '治安', '食品药品', '危化品'] },
  { names: ['稳定'], kinds: ['信访', '矛盾', '纠纷', '调处', '综治', '社会治理'] },
  {
    names: ['污染'],
    kinds: [
      '大气',
      '空气',
      '扬尘',
      '水质',
      '流域',
      '海域',
      '河湖',
      '土壤',
      '固体废物',
      '污水',
      '垃圾',
      '噪声',
      '黑臭',
    ],
  },
  {
    names: ['生态环境', '生态'],
    kinds: [
      '自然保护地',
      '国家公园',
      '湿地',
      '森林',
      '草原',
      '绿化',
      '造林',
      '生物多样性',
      '禁渔',
      '水土流失',
      '荒漠化',
    ],
  },
  { names: ['低碳', '双碳', '碳达峰', '碳中和'], kinds: ['碳排放', '碳市场', '碳足迹', '节能', '能耗'] },
  {
    names: ['能源'],
    kinds: ['电力', '电网', '煤炭', '油气', '天然气', '核电', '储能', '光伏', '风电', '氢能'],
  },
  {
    names: ['就业'],
    kinds: ['岗位', '招聘', '职业技能', '技能培训', '毕业生', '失业', '农民工', '稳岗', '零工', '用工'],
  },
  {
    names: ['教育'],
    kinds: [
      '学校',
      '学前',
      '幼儿园',
      '中小学',
      '高中',
      '高校',
      '职业院校',
      '课程',
      '教师',
      '学生',
      '学科',
      '学位',
      '双减',
      '思政课',
    ],
  },
  {
    names: ['科技'],
    kinds: ['研发', '实验室', '基础研究', '攻关', '成果转化', '科研', '高新技术', '科创', '孵化'],
  },
  { names: ['人工智能'], kinds: ['大模型', '智能体', '具身智能', '机器人', '语料'] },
  { names: ['数字', '数据'], kinds: ['算力', '互联网', '5G', '软件', '云计算', '区块链', '信息化'] },
  {
    names: ['制造业', '工业'],
    kinds: [
      '集群',
      '链主',
      '专精特新',
      '技术改造',
      '技改',
      '设备更新',
      '智能制造',
      '先进制造',
      '新材料',
      '集成电路',
      '低空经济',
      '高端装备',
    ],
  },
  { names: ['服务业'], kinds: ['物流', '会展', '检验检测', '生产性服务'] },
  {
    names: ['消费'],
    kinds: ['以旧换新', '商圈', '步行街', '夜经济', '首店', '零售', '餐饮', '家电', '购物', '免税'],
  },
  {
    names: ['投资'],
    kinds: [
      '专项债',
      '重大项目',
      '项目建设',
      '开工',
      '前期工作',
      '中央预算内',
      '民间资本',
      '社会资本',
      '两重',
    ],
  },
  { names: ['外贸'], kinds: ['进出口', '出口', '进口', '跨境电商', '海外仓', '服务贸易', '保税'] },
  { names: ['开放'], kinds: ['自贸', '口岸', '一带一路', '中欧班列', '招商引资', '境外'] },
  { names: ['外资'], kinds: ['外商', '外企', '跨国公司'] },
  {
    names: ['营商环境', '营商'],
    kinds: ['市场准入', '审批', '政务服务', '一网通办', '涉企', '惠企', '公平竞争', '个体工商户', '中小企业'],
  },
  { names: ['改革'], kinds: ['国资', '国企', '要素市场', '统一大市场', '财税', '产权', '混合所有制'] },
  { names: ['金融'], kinds: ['银行', '信贷', '贷款', '资本市场', '上市', '证券'] },
  { names: ['债务'], kinds: ['化债', '融资平台', '偿债', '举债', '三保'] },
  {
    names: ['农业', '粮食'],
    kinds: ['种业', '耕地', '农田', '农机', '畜牧', '渔业', '养殖', '种植', '农产品', '单产', '种粮'],
  },
  {
    names: ['乡村', '农村'],
    kinds: ['村庄', '村容', '宅基地', '集体经济', '驻村', '脱贫', '防返贫', '和美', '农房'],
  },
  {
    names: ['城市', '城镇化'],
    kinds: ['老旧小区', '城中村', '管网', '市政', '街区', '背街小巷', '海绵', '落户', '市民化', '户籍'],
  },
  {
    names: ['住房', '房地产'],
    kinds: ['保障房', '商品房', '公积金', '物业', '好房子', '棚改', '楼盘', '去库存'],
  },
  {
    names: ['交通'],
    kinds: ['铁路', '高铁', '公路', '机场', '港口', '航道', '轨道', '地铁', '航运', '路网'],
  },
  { names: ['水利'], kinds: ['水库', '灌区', '灌溉', '堤防', '引调水', '水网', '防洪'] },
  { names: ['文化'], kinds: ['文物', '非遗', '博物馆', '图书馆', '文艺', '演艺', '影视', '出版'] },
  { names: ['旅游', '文旅'], kinds: ['景区', '游客', '民宿', '度假', '研学'] },
  { names: ['文明'], kinds: ['核心价值观', '志愿服务', '移风易俗', '道德'] },
  { names: ['法治'], kinds: ['立法', '执法', '司法', '普法', '法律服务', '公证'] },
  { names: ['养老', '老龄'], kinds: ['老年', '银发', '助餐', '适老化', '长期护理'] },
  { names: ['托育', '生育'], kinds: ['婴幼儿', '托位', '托儿', '育儿', '产假'] },
  {
    names: ['社会保障', '社保'],
    kinds: ['参保', '社会保险', '工伤', '低保', '救助', '兜底', '困难群众', '残疾人', '慈善'],
  },
];

const namesKind = (field: Field, text: string): boolean => field.kinds.some((kind) => text.includes(kind));
const namesField = (field: Field, text: string): boolean => field.names.some((name) => text.includes(name));

/** A body is about a field when it names two of its kinds; one may be named in passing (研发 of seeds). */
const MIN_KINDS = 2;

/** A field a topic names and its body spells out in kinds, with where the topic names it. */
export interface FieldInTopic {
  readonly field: Field;
  readonly spans: readonly [number, number][];
}

/**
 * The fields `topic` names whose kinds `body` names, at least two of them ("健康" in
 * "加快建设健康城市" over a body on "医院建设", "医疗中心"), with the spans of their names in `topic`.
 * One way only: a kind in the topic does not pass for its field in the body (中医药 is not all of 健康).
 */
export function fieldsRecurringAsKinds(topic: string, body: string): FieldInTopic[] {
  const found: FieldInTopic[] = [];
  for (const field of FIELDS) {
    const spans: [number, number][] = [];
    for (const name of field.names)
      for (let at = topic.indexOf(name); at >= 0; at = topic.indexOf(name, at + 1))
        spans.push([at, at + name.length]);
    if (spans.length === 0) continue;
    let kinds = 0;
    for (const kind of field.kinds) if (body.includes(kind) && ++kinds >= MIN_KINDS) break;
    if (kinds >= MIN_KINDS) found.push({ field, spans });
  }
  return found;
}

/** Whether `text` names `field` by one of its names (for a field found by fieldsRecurringAsKinds). */
export function namesFieldOf(found: FieldInTopic, text: string): boolean {
  return namesField(found.field, text);
}

/**
 * Whether a short sentence names a kind of a field that a topic names in general, without naming
 * any of its kinds itself: "强化食品药品安全全链条监管" after "提高公共安全治理水平", "加强近岸海域综合治理"
 * after "强化污染防治攻坚". A topic that names a kind (加快铁路交通建设, 加强基础研究和科技攻关) is one kind of
 * its field among others, and the next kind named (机场, 成果转化) is its sibling.
 */
export function isKindOfField(sentence: string, topic: string): boolean {
  return FIELDS.some(
    (field) => namesField(field, topic) && !namesKind(field, topic) && namesKind(field, sentence),
  );
}
