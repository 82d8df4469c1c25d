import { describe, expect, it } from 'vitest';
import { FIELDS, fieldsRecurringAsKinds, isKindOfField } from './word-families.js';

/** The first name of each field a topic names whose kinds the body spells out. */
const fieldsOver = (topic: string, body: string): string[] =>
  fieldsRecurringAsKinds(topic, body).map(({ field }) => field.names[0] as string);

describe('the table of fields of government work', () => {
  const names = FIELDS.flatMap((field) => field.names.map((name) => ({ field, name })));
  const kinds = FIELDS.flatMap((field) => field.kinds.map((kind) => ({ field, kind })));

  it('covers the fields every work report has', () => {
    for (const name of [
      '就业',
      '教育',
      '科技',
      '消费',
      '投资',
      '外贸',
      '开放',
      '农业',
      '乡村',
      '生态',
      '文化',
    ])
      expect(names.map((entry) => entry.name)).toContain(name);
    for (const name of [
      '旅游',
      '交通',
      '住房',
      '养老',
      '托育',
      '社会保障',
      '营商环境',
      '改革',
      '金融',
      '债务',
    ])
      expect(names.map((entry) => entry.name)).toContain(name);
    for (const name of ['城市', '数字', '数据', '人工智能', '制造业', '工业', '健康', '安全', '稳定', '污染'])
      expect(names.map((entry) => entry.name)).toContain(name);
  });

  it('gives every name and kind to one field only', () => {
    const words = [...names.map((entry) => entry.name), ...kinds.map((entry) => entry.kind)];
    expect(words.filter((word, i) => words.indexOf(word) !== i)).toEqual([]);
  });

  it('has no kind that contains a name or a kind of another field (养老保险 would be two fields at once)', () => {
    const clashes: string[] = [];
    for (const { field, kind } of kinds) {
      for (const other of names)
        if (other.field !== field && kind.includes(other.name)) clashes.push(`${kind}/${other.name}`);
      for (const other of kinds)
        if (other.field !== field && kind.includes(other.kind)) clashes.push(`${kind}/${other.kind}`);
    }
    expect(clashes).toEqual([]);
  });

  it('has no kind that contains its own field’s name (新兴产业 is a part named as such: a sibling measure)', () => {
    const named = kinds.filter(({ field, kind }) => field.names.some((name) => kind.includes(name)));
    expect(named.map(({ kind }) => kind)).toEqual([]);
  });

  it('leaves out umbrella words whose members are fields of their own, and words of two readings', () => {
    for (const word of [
      '民生',
      '内需',
      '风险',
      '基础设施',
      '环境',
      '创新',
      '保障',
      '社区',
      '枢纽',
      '保险',
      '基金',
      '网络',
    ])
      expect([...names.map((entry) => entry.name), ...kinds.map((entry) => entry.kind)]).not.toContain(word);
  });
});

describe('a field named in a topic recurs through its kinds in the body', () => {
  it('finds the field of a topic whose body names two of its kinds', () => {
    expect(fieldsOver('推进教育强市建设', '新建中小学校，增加学位。加强教师队伍培养')).toEqual(['教育']);
    expect(fieldsOver('健全养老服务体系', '发展老年助餐，推进适老化改造')).toEqual(['养老']);
    expect(fieldsOver('完善综合交通网络', '推进城际铁路和高速公路项目，扩建机场')).toEqual(['交通']);
    expect(fieldsOver('推动文化繁荣兴盛', '加强文物保护，建好博物馆')).toEqual(['文化']);
    expect(fieldsOver('扩大有效投资', '用好专项债，抓好重大项目前期工作')).toEqual(['投资']);
  });

  it('gives the spans of every name of the field in the topic, several characters long', () => {
    const [found] = fieldsRecurringAsKinds('持续优化营商环境', '压减审批事项，提升政务服务水平');
    expect(found?.spans).toEqual([
      [4, 8],
      [4, 6],
    ]);
  });

  it('does not take one kind named in passing as a body about the field', () => {
    expect(fieldsOver('持续推进粮仓科技会战', '研发培育耐盐碱新品种')).toEqual([]);
  });

  it('goes one way only: a kind in the topic does not pass for its field in the body', () => {
    expect(fieldsOver('加强中小学校建设', '深化教育评价改革，推动教育数字化')).toEqual([]);
  });

  it('does not read 环境 in 营商环境 as the environment', () => {
    expect(fieldsOver('进一步优化营商环境', '保护湿地和森林，开展国土绿化')).toEqual([]);
    expect(fieldsOver('加强生态环境保护', '保护湿地和森林，开展国土绿化')).toEqual(['生态环境']);
  });
});

describe('a short sentence naming a kind of the field of the topic before it', () => {
  it('is within a topic that names the field in general', () => {
    expect(isKindOfField('实施机场改扩建工程', '完善综合交通体系')).toBe(true);
    expect(isKindOfField('加强病险水库除险加固', '提升水利保障能力')).toBe(true);
    expect(isKindOfField('支持企业扩大出口', '促进外贸稳中提质')).toBe(true);
    expect(isKindOfField('推进老旧小区改造', '推动城市高质量发展')).toBe(true);
  });

  it('is a sibling of a topic that names a kind of the field itself', () => {
    expect(isKindOfField('实施机场改扩建工程', '加快铁路交通建设')).toBe(false);
    expect(isKindOfField('培育壮大低空经济', '推动制造业集群发展')).toBe(false);
    expect(isKindOfField('培育壮大低空经济', '推动制造业高质量发展')).toBe(true);
  });

  it('is not within a topic of another field', () => {
    expect(isKindOfField('加强文物保护利用', '推动旅游业提质升级')).toBe(false);
    expect(isKindOfField('扩大公益性岗位开发', '办好人民满意教育')).toBe(false);
  });
});
