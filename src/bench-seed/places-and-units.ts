/**
 * Names for a synthetic province: the governments that issue reports (the province, its cities,
 * then districts and counties) and the units (承办单位) of each government.
 */

const PROVINCE = '江南省';

const CITIES = [
  '东州市',
  '西江市',
  '南湖市',
  '北川市',
  '中原市',
  '临海市',
  '青山市',
  '白云市',
  '金沙市',
  '玉泉市',
  '长宁市',
  '安平市',
  '永丰市',
  '清河市',
  '云台市',
  '凤城市',
  '龙泉市',
  '桂林湾市',
  '石门市',
  '桃源市',
];

const COUNTY_SUFFIXES = [
  '城区',
  '新区',
  '开发区',
  '高新区',
  '东区',
  '西区',
  '南区',
  '北区',
  '湖滨区',
  '江北区',
  '山前县',
  '河口县',
  '平原县',
  '丰乐县',
  '太和县',
];

/** 委办局 — the bureaus every government has; a place's units are drawn from these. */
const BUREAUS = [
  '人民政府办公室',
  '发展和改革委员会',
  '教育局',
  '科学技术局',
  '工业和信息化局',
  '公安局',
  '民政局',
  '司法局',
  '财政局',
  '人力资源和社会保障局',
  '自然资源和规划局',
  '生态环境局',
  '住房和城乡建设局',
  '交通运输局',
  '水务局',
  '农业农村局',
  '商务局',
  '文化和旅游局',
  '卫生健康委员会',
  '退役军人事务局',
  '应急管理局',
  '审计局',
  '国有资产监督管理委员会',
  '市场监督管理局',
  '体育局',
  '统计局',
  '医疗保障局',
  '城市管理委员会',
  '政务服务和数据管理局',
  '地方金融管理局',
  '信访局',
  '园林绿化局',
  '林业局',
  '粮食和物资储备局',
  '民族宗教事务委员会',
  '机关事务管理局',
  '人民防空办公室',
  '投资促进局',
  '营商环境建设局',
  '乡村振兴局',
];

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
];
const GIVEN = [
  '建国',
  '志强',
  '海燕',
  '立新',
  '晓明',
  '文华',
  '振华',
  '丽娟',
  '国平',
  '春生',
  '玉兰',
  '永刚',
];
const OFFICES = ['常务副', '副', '副', '副'];

/** The name of the `index`-th government: the province first, then its cities, then districts. */
export function placeName(index: number): string {
  if (index === 0) return PROVINCE;
  const cityIndex = (index - 1) % CITIES.length;
  const round = Math.floor((index - 1) / CITIES.length);
  const city = CITIES[cityIndex] ?? '某市';
  if (round === 0) return city;
  const suffix = COUNTY_SUFFIXES[(round - 1) % COUNTY_SUFFIXES.length] ?? '区';
  const cycle = Math.floor((round - 1) / COUNTY_SUFFIXES.length);
  return `${city.replace(/市$/, '')}${suffix}${cycle > 0 ? String(cycle + 1) : ''}`;
}

/** The title of a place's government head (省长, 市长, 区长, 县长). */
function headTitle(place: string): string {
  if (place.endsWith('省')) return '省长';
  if (place.endsWith('县')) return '县长';
  if (place.endsWith('市')) return '市长';
  return '区长';
}

/** The `index`-th unit name of a place; past the bureau list, street offices (街道办事处). */
export function unitName(place: string, index: number): string {
  const bureau = BUREAUS[index];
  if (bureau) return `${place}${bureau}`;
  return `${place}第${index - BUREAUS.length + 1}街道办事处`;
}

/** 牵头领导 — a lead official as an office would write it: "李建国 副市长". */
export function leadOfficial(place: string, n: number): string {
  const surname = SURNAMES[n % SURNAMES.length] ?? '王';
  const given = GIVEN[Math.floor(n / SURNAMES.length) % GIVEN.length] ?? '立新';
  const office = OFFICES[n % OFFICES.length] ?? '副';
  return `${surname}${given} ${office}${headTitle(place)}`;
}

/** The city of a `--orgs` seed (its root government). */
export const SEED_CITY = CITIES[0] ?? '东州市';

/** The `index`-th district (区/县) of a city: 东州城区, 东州新区…, numbered once the names run out. */
export function districtName(city: string, index: number): string {
  const suffix = COUNTY_SUFFIXES[index % COUNTY_SUFFIXES.length] ?? '区';
  const cycle = Math.floor(index / COUNTY_SUFFIXES.length);
  return `${city.replace(/市$/, '')}${suffix}${cycle > 0 ? String(cycle + 1) : ''}`;
}
