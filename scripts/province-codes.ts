/**
 * The two-letter code of each provincial-level division, which New Plan puts at the start
 * of the plan ID it suggests (`GD-CITY-01`): a code every planner can read, without pinyin.
 * build.mjs writes it into the client's tables as `PROVINCE_CODE` (scripts/client-tables.ts).
 *
 * Source: ISO 3166-2:CN, the subdivision codes of China (ISO 3166 Maintenance Agency; the
 * letters of GB/T 2260 since the change of November 2017, when the numeric codes such as
 * CN-44 were replaced), https://www.iso.org/obp/ui/#iso:code:3166:CN. Keys are the full
 * names of the schema's `province` list (the build fails when the two differ).
 */
export const PROVINCE_CODES: Readonly<Record<string, string>> = {
  北京市: 'BJ',
  天津市: 'TJ',
  河北省: 'HE',
  山西省: 'SX',
  内蒙古自治区: 'NM',
  辽宁省: 'LN',
  吉林省: 'JL',
  黑龙江省: 'HL',
  上海市: 'SH',
  江苏省: 'JS',
  浙江省: 'ZJ',
  安徽省: 'AH',
  福建省: 'FJ',
  江西省: 'JX',
  山东省: 'SD',
  河南省: 'HA',
  湖北省: 'HB',
  湖南省: 'HN',
  广东省: 'GD',
  广西壮族自治区: 'GX',
  海南省: 'HI',
  重庆市: 'CQ',
  四川省: 'SC',
  贵州省: 'GZ',
  云南省: 'YN',
  西藏自治区: 'XZ',
  陕西省: 'SN',
  甘肃省: 'GS',
  青海省: 'QH',
  宁夏回族自治区: 'NX',
  新疆维吾尔自治区: 'XJ',
};
