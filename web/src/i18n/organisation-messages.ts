/**
 * UI strings of 组织机构 (issue #17): the tree of governments the office sees and creating a
 * sub-organisation with its first administrator. `organisationEn` has the same keys.
 */
export const organisationZh = {
  'nav.organisations': '组织机构',
  'org.title': '组织机构',
  'org.intro':
    '本级政府及其下级政府（区、镇街等）。每个组织有自己的报告、单位、用户和报送周期，只能看到本组织的数据；上级交办的任务可只读查看。',
  'org.tree': '组织树',
  'org.own': '本级',
  'org.create': '新建下级组织',
  'org.createHint': '新组织建在本级之下，同时创建它的第一个督查室账号；该账号首次登录须修改一次性密码。',
  'org.name': '组织名称',
  'org.namePlaceholder': '如：通州区人民政府',
  'org.level': '层级',
  'org.level.national': '国家',
  'org.level.province': '省级',
  'org.level.city': '市级',
  'org.level.district': '区县',
  'org.level.town': '乡镇街道',
  'org.level.other': '其他',
  'org.adminUsername': '督查室用户名',
  'org.adminDisplayName': '督查室账号姓名',
  'org.submit': '创建组织',
  'org.created': '已创建“{name}”。{username} 的一次性密码（只显示这一次）：',
} as const;

export const organisationEn: Record<keyof typeof organisationZh, string> = {
  'nav.organisations': 'Organisations',
  'org.title': 'Organisations',
  'org.intro':
    'This government and the governments below it (districts, towns). Each organisation has its own reports, units, users and periods and sees only its own data; tasks handed down from above can be read.',
  'org.tree': 'Organisation tree',
  'org.own': 'this level',
  'org.create': 'New sub-organisation',
  'org.createHint':
    'The new organisation goes below this one, with its first office account, which must replace its one-time password at first sign-in.',
  'org.name': 'Organisation name',
  'org.namePlaceholder': 'e.g. Tongzhou District Government',
  'org.level': 'Level',
  'org.level.national': 'National',
  'org.level.province': 'Province',
  'org.level.city': 'City',
  'org.level.district': 'District',
  'org.level.town': 'Town',
  'org.level.other': 'Other',
  'org.adminUsername': 'Office username',
  'org.adminDisplayName': 'Office account name',
  'org.submit': 'Create organisation',
  'org.created': 'Created "{name}". One-time password of {username} (shown only once):',
};
